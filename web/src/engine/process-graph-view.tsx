import type { ProcessDefinition } from '@onetrip/domain';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { localName } from './process-api';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './process-graph-layout';

// A case's progress drawn as its definition's graph: one box per step in the column of its
// dependency depth, arrows for dependsOn. Each box says the step, its department and its status in
// words, with a marker shape, so colour is never the only signal; the drawing's title and
// description tell the same to a screen reader.

export interface StepStatusOf {
  status: string;
  overdue?: boolean;
}

const MARKERS: Record<string, string> = { DONE: '✓', RETURNED: '!', REJECTED: '×', SKIPPED: '–', CANCELLED: '×', OPEN: '●', CLAIMED: '●' };

export function statusText(status: string | undefined, t: (key: MessageKey) => string): string {
  if (!status) return t('graphNotStarted');
  const key = `graph.${status}`;
  return hasMessage(key) ? t(key) : status;
}

export function ProcessGraph({ definition, statuses, idPrefix = 'graph' }: { definition: ProcessDefinition; statuses?: ReadonlyMap<string, StepStatusOf>; idPrefix?: string }) {
  const { t, lang } = useI18n();
  const layout = layoutGraph(definition.steps);
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  const departments = new Map(definition.departments.map((d) => [d.code, d.name]));
  const stepName = (id: string) => localName(byId.get(id)?.name, lang, id);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const description = definition.steps
    .map((step) => {
      const state = statuses?.get(step.id);
      const after = step.dependsOn.length > 0 ? t('graphAfter', { steps: step.dependsOn.map(stepName).join(lang === 'zh' ? '、' : ', ') }) : t('graphFirst');
      return `${stepName(step.id)}（${localName(departments.get(step.department), lang, step.department)}）: ${statuses ? statusText(state?.status, t) : after}${statuses ? ` · ${after}` : ''}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
  return (
    <figure className="process-graph" data-testid="process-graph">
      {/* Wider than a phone: the drawing scrolls, and the keyboard can scroll it too (focusable, named by the drawing). */}
      <div className="process-graph-scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          className="process-graph-svg"
        >
          <title id={titleId}>{t('graphTitle', { name: localName(definition.name, lang, definition.key) })}</title>
          <desc id={descId}>{description}</desc>
          <defs>
            <marker id={`${idPrefix}-arrow`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="graph-arrow" />
            </marker>
          </defs>
          {layout.edges.map((edge) => (
            <path key={`${edge.from}-${edge.to}`} d={edge.d} className="graph-edge" markerEnd={`url(#${idPrefix}-arrow)`} data-from={edge.from} data-to={edge.to} />
          ))}
          {layout.nodes.map((node) => {
            const step = byId.get(node.id);
            const state = statuses?.get(node.id);
            const status = state?.status ?? (statuses ? 'PENDING' : 'DEFINED');
            return (
              <g key={node.id} transform={`translate(${node.x},${node.y})`} className={`graph-node graph-node--${status.toLowerCase()}${state?.overdue ? ' graph-node--overdue' : ''}`} data-step={node.id} data-status={status}>
                <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
                <text x={12} y={22} className="graph-node-name">
                  {truncate(stepName(node.id), lang === 'zh' ? 12 : 24)}
                </text>
                <text x={12} y={42} className="graph-node-dept">
                  {truncate(localName(departments.get(step?.department ?? ''), lang, step?.department ?? ''), lang === 'zh' ? 13 : 26)}
                </text>
                {statuses && (
                  <text x={12} y={62} className="graph-node-status">
                    {`${MARKERS[status] ?? '○'} ${statusText(state?.status, t)}${state?.overdue ? ` · ${t('overdue')}` : ''}`}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="hint">{t('graphCaption')}</figcaption>
    </figure>
  );
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
