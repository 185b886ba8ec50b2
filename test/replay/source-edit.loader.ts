import type { LoaderContext } from 'webpack';

/** Rewrites one source file at bundle time, e.g. to build a deliberately changed workflow for the replay controls. */
export interface SourceEditOptions {
  edit: (source: string) => string;
  /** Told what the edit did, so a test can check that it really changed the code it bundled. */
  onEdited: (before: string, after: string) => void;
}

// A webpack loader: run on the TypeScript source before the bundler's own compiler sees it.
export default function sourceEditLoader(this: LoaderContext<SourceEditOptions>, source: string): string {
  const { edit, onEdited } = this.getOptions();
  const edited = edit(source);
  onEdited(source, edited);
  return edited;
}
