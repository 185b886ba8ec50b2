import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handles = globalThis.__ONETRIP_TEST_STACK__;
  if (!handles) return;
  await Promise.all(handles.apps.map((app) => app.stop()));
  await handles.temporal?.stop();
  await handles.sinks?.stop();
  await handles.postal?.stop();
  await handles.postgres?.stop();
  fs.rmSync(handles.dataDir, { recursive: true, force: true });
}
