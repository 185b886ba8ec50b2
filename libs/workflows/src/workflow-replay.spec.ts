import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type ReplayWorkerOptions, type WorkflowBundle } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import type { SourceEditOptions } from '../../../test/replay/source-edit.loader';
import { recordCheck } from '../../../test/support/scorecard';
import { workflowBundlerOptions, workflowInterceptorModules, workflowsEntry } from './workflow-sources';

const HISTORY_DIR = path.resolve(__dirname, '../../../test/replay/histories');
// Recorded before the local-decision patch: running cases of the previous deploy. Deleted when the
// patch is deprecated (by then no such case is running).
const PRE_PATCH_DIR = path.join(HISTORY_DIR, 'before-local-decision');
// Recorded before the signed-commands patch: cancellations, reopenings and corrections taken without the
// signature check. Deleted when that patch is deprecated.
const PRE_SIGNED_DIR = path.join(HISTORY_DIR, 'before-signed-commands');
const SIGNED_COMMANDS_PATCH = 'signed-commands';
const COMMAND_UPDATES = ['update cancelCase', 'update reopenStep', 'update submitCorrection'];
const CASE_WORKFLOW_SOURCE = path.join(__dirname, 'workflows', 'case.workflow.ts');
const PROCESS_WORKFLOW_SOURCE = path.join(__dirname, 'workflows', 'process.workflow.ts');
// A .ts loader: webpack runs inside jest here, whose module loader compiles it.
const SOURCE_EDIT_LOADER = path.resolve(__dirname, '../../../test/replay/source-edit.loader.ts');
const LOCAL_DECISION_PATCH = 'local-decision-activity';

/**
 * Every path of the case workflow, with what its history must show to be that path (a recording
 * under the wrong name fails). Recorded by test/case/case-workflow.int-spec.ts and
 * test/replay/recorded-paths.int-spec.ts with RECORD_HISTORIES=1. Admin reassign and escalate only
 * write the read model, so they leave no trace in a workflow history.
 */
const REQUIRED_PATHS: Record<string, string[]> = {
  'happy-path': ['activity openStep', 'update decideTask', 'result COMPLETED'],
  'auto-mode': ['activity runAutomaticStep', 'result COMPLETED'],
  correction: ['update decideTask', 'activity requestCorrection', 'update submitCorrection', 'activity applyCorrection', 'result COMPLETED'],
  refusal: ['update decideTask', 'activity endCase', 'result REJECTED'],
  cancellation: ['update cancelCase', 'activity endCase', 'result CANCELLED'],
  overdue: ['timer fired', 'activity remindStep', 'activity escalateOverdueStep'],
  'reopen-step': ['update reopenStep', 'result COMPLETED'],
  'correction-then-cancel': ['activity requestCorrection', 'update cancelCase', 'result CANCELLED'],
  'decision-failed': ['update decideTask failed', 'result CANCELLED'],
  // The failed attempts and the admin's reset leave no event: the path is an AUTO step after a MANUAL licence.
  'auto-step-retried': ['update decideTask', 'activity runAutomaticStep', 'result COMPLETED'],
};

// processWorkflow's histories: one folder per shipped definition (histories/process/<key>/), each with the
// paths the gate requires. Recorded by test/replay/process-paths.int-spec.ts with RECORD_HISTORIES=1.
const PROCESS_HISTORY_DIR = path.join(HISTORY_DIR, 'process');
const REQUIRED_PROCESS_PATHS: Record<string, Record<string, string[]>> = {
  'enterprise-opening': {
    'happy-path': ['activity openStep', 'update decideTask', 'local activity recordDecision', 'local activity completeProcess', 'result COMPLETED'],
    'auto-mode': ['local activity runAutomaticStep', 'local activity completeProcess', 'result COMPLETED'],
    // A clerk's licence unblocks four AUTO steps: they run after the hand-off timer, not in the task that answers the clerk.
    'licence-then-auto': ['update decideTask', 'patch auto-step-after-answer', 'timer fired', 'local activity runAutomaticStep after an answer', 'local activity completeProcess', 'result COMPLETED'],
    correction: ['update decideTask', 'activity requestCorrection', 'update submitCorrection', 'activity verifyCommand', 'activity applyCorrection', 'local activity completeProcess', 'result COMPLETED'],
    cancellation: ['update cancelCase', 'activity verifyCommand', 'activity endCase', 'result CANCELLED'],
  },
  // The notice step (public-notice): its timer, objections, the ruling; recorded by test/api/enterprise-deregistration.
  'enterprise-deregistration': {
    'objection-dismissed': ['local activity runAutomaticStep', 'activity openNotice', 'update raiseObjection', 'activity openStep', 'update decideTask', 'activity closeNotice', 'local activity completeProcess', 'result COMPLETED'],
    'objection-upheld': ['activity openNotice', 'update raiseObjection', 'update decideTask', 'activity closeNotice', 'local activity completeProcess', 'result COMPLETED'],
    ordinary: ['activity openNotice', 'timer fired', 'activity closeNotice', 'local activity completeProcess', 'result COMPLETED'],
  },
  // Recorded by test/engine/enterprise-change.int-spec.ts (over HTTP) with RECORD_HISTORIES=1.
  'enterprise-change': {
    'name-change': ['activity openStep', 'update decideTask', 'local activity recordDecision', 'local activity completeProcess', 'result COMPLETED'],
    'scope-only': ['activity openStep', 'update decideTask', 'local activity completeProcess', 'result COMPLETED'],
    correction: ['update decideTask', 'activity requestCorrection', 'update submitCorrection', 'activity verifyCommand', 'activity applyCorrection', 'local activity completeProcess', 'result COMPLETED'],
    refusal: ['update decideTask', 'activity endCase', 'result REJECTED'],
  },
};
// processWorkflow's patches: the outcome as a local activity. Histories recorded before it (the outcome as a
// regular activity) are kept in histories/process/<key>/before-local-outcome/ until the patch is deprecated.
const LOCAL_OUTCOME_PATCH = 'local-outcome-activity';
const PRE_LOCAL_OUTCOME = 'before-local-outcome';
// AUTO steps as local activities (a regular activity only once the local attempts failed). Histories that ran them
// as regular activities are kept in histories/process/<key>/before-local-auto/ until the patch is deprecated.
const LOCAL_AUTO_PATCH = 'local-auto-step';
const PRE_LOCAL_AUTO = 'before-local-auto';
// AUTO steps an answered Update unblocks start after a short timer, in a workflow task of their own (the Update's answer
// waits for its task, and a task for its local activities). Local runs recorded before it replay without the timer.
const AUTO_AFTER_ANSWER_PATCH = 'auto-step-after-answer';
// The outcome after a case's last answer waits for the same timer (the Update's task completes first). Histories that
// wrote it in the Update's own task are kept in histories/process/<key>/before-outcome-after-answer/.
const OUTCOME_AFTER_ANSWER_PATCH = 'outcome-after-answer';
const PRE_OUTCOME_AFTER_ANSWER = 'before-outcome-after-answer';
const OWN_PROCESS_PATCHES = [LOCAL_OUTCOME_PATCH, LOCAL_AUTO_PATCH, AUTO_AFTER_ANSWER_PATCH, OUTCOME_AFTER_ANSWER_PATCH, 'postal-shipment'].map((id) => `patch ${id}`);
// The Updates whose answer can unblock a step.
const UNBLOCKING_UPDATES = new Set(['decideTask', 'submitCorrection', 'reopenStep']);

interface RecordedHistory {
  /** File name without `.json`, with its sub-folder for older recordings (`before-local-decision/happy-path`). */
  name: string;
  history: temporal.api.history.v1.IHistory;
  /** What happened, in words the REQUIRED_PATHS use: `activity openStep`, `update decideTask failed`, `patch <id>`, … */
  features: Set<string>;
}

function readHistories(dir: string, prefix = ''): RecordedHistory[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      return { name: prefix + file.replace(/\.json$/, ''), history, features: featuresOf(history) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const decode = (payload: Payload | null | undefined): unknown => (payload ? defaultPayloadConverter.fromPayload(payload) : undefined);

function featuresOf(history: temporal.api.history.v1.IHistory): Set<string> {
  const features = new Set<string>();
  const updateNames = new Map<string, string>();
  /** An Update that can unblock a step was answered earlier in the history. */
  let answered = false;
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) features.add(`activity ${scheduled.activityType?.name}`);
    if (event.timerFiredEventAttributes) features.add('timer fired');
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted) {
      updateNames.set(accepted.meta?.updateId ?? '', accepted.input?.name ?? '');
      features.add(`update ${accepted.input?.name}`);
    }
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completed?.outcome?.failure) features.add(`update ${updateNames.get(completed.meta?.updateId ?? '')} failed`);
    else if (completed && UNBLOCKING_UPDATES.has(updateNames.get(completed.meta?.updateId ?? '') ?? '')) answered = true;
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_patch') features.add(`patch ${(decode(marker.details?.['patch-data']?.payloads?.[0]) as { id: string }).id}`);
    if (marker?.markerName === 'core_local_activity') {
      const type = (decode(marker.details?.data?.payloads?.[0]) as { activity_type: string }).activity_type;
      features.add(`local activity ${type}`);
      if (answered) features.add(`local activity ${type} after an answer`);
    }
    const result = event.workflowExecutionCompletedEventAttributes?.result?.payloads?.[0];
    if (result) features.add(`result ${(decode(result) as { status: string }).status}`);
  }
  return features;
}

// The payload codec (encryption) will be added here as a dataConverter: it leaves unencrypted payloads as they are.
// The bundle carries the workflow interceptor modules as every worker's does (recorded histories must replay with
// them); a traced workflow's span sink is a no-op here.
const replayOptions = (workflowBundle: WorkflowBundle): ReplayWorkerOptions => ({ workflowBundle, sinks: { exporter: { export: { fn: () => undefined } } } });

/** Replays each history through one replay worker; the error (if any) by history name. */
async function replay(workflowBundle: WorkflowBundle, histories: RecordedHistory[]): Promise<Map<string, Error | undefined>> {
  const errors = new Map<string, Error | undefined>();
  const inputs = histories.map(({ name, history }) => ({ workflowId: name, history }));
  for await (const result of Worker.runReplayHistories(replayOptions(workflowBundle), inputs)) errors.set(result.workflowId, result.error);
  return errors;
}

const logger = new DefaultLogger('WARN');

/** The workflow code as the worker bundles it, with `edit` applied to `source` (case.workflow.ts unless given) when given. */
async function bundle(edit?: (source: string) => string, source = CASE_WORKFLOW_SOURCE): Promise<{ code: string; edits: { before: string; after: string }[] }> {
  const edits: { before: string; after: string }[] = [];
  const aliases = workflowBundlerOptions();
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsEntry(),
    workflowInterceptorModules: workflowInterceptorModules(),
    logger,
    webpackConfigHook: (config) => {
      const configured = aliases(config);
      if (!edit) return configured;
      const options: SourceEditOptions = { edit, onEdited: (before, after) => edits.push({ before, after }) };
      // enforce 'pre': the edit sees the TypeScript source, before the bundler's own compiler.
      const rule = { test: (file: string) => file === source, enforce: 'pre' as const, use: [{ loader: SOURCE_EDIT_LOADER, options }] };
      configured.module = { ...configured.module, rules: [...(configured.module?.rules ?? []), rule] };
      return configured;
    },
  });
  return { code, edits };
}

function occursOnce(source: string, text: string): void {
  const first = source.indexOf(text);
  if (first < 0 || source.indexOf(text, first + 1) >= 0) throw new Error(`expected exactly one occurrence in the workflow source of: ${text}`);
}

function replaceOnce(source: string, text: string, replacement: string): string {
  occursOnce(source, text);
  return source.replace(text, () => replacement);
}

// The two commands the controls put in the other order: a MANUAL step's openStep activity, and the
// timer of its wait for the reminder.
const OPEN_STEP = 'await activities.openStep(opening);\n    publish();';
const REMINDER_WAIT = 'if (untilReminder > 0 && (await condition(settled, untilReminder))) return;';
const REORDER_PATCH = 'open-step-after-reminder';

/** Opens the task row only after the reminder wait: the timer now comes before the activity. */
const reorderOpenStep = (source: string): string => replaceOnce(replaceOnce(source, OPEN_STEP, ''), REMINDER_WAIT, `${REMINDER_WAIT}\n    ${OPEN_STEP}`);

/** The same reorder, as the house rule says to ship it: new runs take it, recorded ones keep the old order. */
const reorderOpenStepPatched = (source: string): string =>
  replaceOnce(
    replaceOnce(source, OPEN_STEP, `if (!patched('${REORDER_PATCH}')) {\n    ${OPEN_STEP}\n    }`),
    REMINDER_WAIT,
    `${REMINDER_WAIT}\n    if (patched('${REORDER_PATCH}')) {\n    ${OPEN_STEP}\n    }`,
  );

// The two later steps of the local-decision patch's life: deprecatePatch(), then no patch call at all.
const LOCAL_DECISION_CHOICE = 'patched(LOCAL_DECISION) ? localActivities.recordDecision : activities.recordDecision';
const deprecateLocalDecision = (source: string): string =>
  replaceOnce(replaceOnce(source, LOCAL_DECISION_CHOICE, '(deprecatePatch(LOCAL_DECISION), localActivities.recordDecision)'), '  patched,\n', '  patched,\n  deprecatePatch,\n');
const removeLocalDecisionPatch = (source: string): string => replaceOnce(source, LOCAL_DECISION_CHOICE, 'localActivities.recordDecision');

const names = (histories: RecordedHistory[]): string[] => histories.map((history) => history.name);

describe('replaying recorded case histories', () => {
  const current = readHistories(HISTORY_DIR);
  const prePatch = readHistories(PRE_PATCH_DIR, 'before-local-decision/');
  const preSigned = readHistories(PRE_SIGNED_DIR, 'before-signed-commands/');
  const all = [...current, ...prePatch, ...preSigned];
  const currentProcess = Object.keys(REQUIRED_PROCESS_PATHS).flatMap((key) => readHistories(path.join(PROCESS_HISTORY_DIR, key), `process/${key}/`));
  const preLocalOutcome = Object.keys(REQUIRED_PROCESS_PATHS).flatMap((key) =>
    readHistories(path.join(PROCESS_HISTORY_DIR, key, PRE_LOCAL_OUTCOME), `process/${key}/${PRE_LOCAL_OUTCOME}/`),
  );
  const preLocalAuto = Object.keys(REQUIRED_PROCESS_PATHS).flatMap((key) =>
    readHistories(path.join(PROCESS_HISTORY_DIR, key, PRE_LOCAL_AUTO), `process/${key}/${PRE_LOCAL_AUTO}/`),
  );
  const preOutcomeAfterAnswer = Object.keys(REQUIRED_PROCESS_PATHS).flatMap((key) =>
    readHistories(path.join(PROCESS_HISTORY_DIR, key, PRE_OUTCOME_AFTER_ANSWER), `process/${key}/${PRE_OUTCOME_AFTER_ANSWER}/`),
  );
  const processHistories = [...currentProcess, ...preLocalOutcome, ...preLocalAuto, ...preOutcomeAfterAnswer];
  const runsAutoSteps = (histories: RecordedHistory[]) =>
    histories.filter(({ features }) => features.has('activity runAutomaticStep') || features.has('local activity runAutomaticStep'));
  /** Whether a recording ran `activity` as a local activity, as a regular one, and recorded `patch`'s marker. */
  const ranBy =
    (patch: string, activity: string) =>
    ({ name, features }: RecordedHistory) => ({
      name,
      marker: features.has(`patch ${patch}`),
      local: features.has(`local activity ${activity}`),
      regular: features.has(`activity ${activity}`),
    });
  /** The process recordings (names, sorted) that fail to replay once `from` is replaced by `to`, once, in process.workflow.ts. */
  const failingWithEdit = async (from: string, to: string): Promise<string[]> => {
    const edited = await bundle((source) => replaceOnce(source, from, to), PROCESS_WORKFLOW_SOURCE);
    expect(edited.edits).toHaveLength(1);
    const errors = await replay(edited, processHistories);
    return names(processHistories.filter(({ name }) => errors.get(name) instanceof DeterminismViolationError)).sort();
  };
  let currentBundle: { code: string };
  /** Every recording (case and process) replayed once through the current code, by name: the tests below read it. */
  let currentErrors: Map<string, Error | undefined>;
  /** The current code's outcome for one recording; a recording the replay never reached is an error too. */
  const currentOutcome = (name: string): Error | undefined | string => (currentErrors.has(name) ? currentErrors.get(name) : `${name} was not replayed`);

  beforeAll(async () => {
    // The negative controls make the SDK core warn about every workflow task it fails on purpose.
    Runtime.install({ logger, telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
    currentBundle = await bundle();
    // One replay worker for every recording: starting a worker per history (its bundle loaded each time) cost
    // more than the replays themselves, and the current code's verdict is the same for every test that asks.
    currentErrors = await replay(currentBundle, [...all, ...processHistories]);
  }, 180_000);

  // Histories recorded from real runs of each path must replay through the current workflow code
  // without a non-determinism error: a change that would break running cases fails here, not in production.
  describe('through the current workflow code', () => {
    it('has a recording of every path of the case workflow, each showing its path', () => {
      expect(names(current).sort()).toEqual(Object.keys(REQUIRED_PATHS).sort());
      for (const { name, features } of current) {
        expect({ name, missing: REQUIRED_PATHS[name].filter((feature) => !features.has(feature)) }).toEqual({ name, missing: [] });
      }
    });

    it.each(names(all))('%s replays deterministically', (name) => {
      expect(currentOutcome(name)).toBeUndefined();
    });

    it('replays every recording without a non-determinism error (scorecard)', () => {
      const errors = new Map(names(all).map((name) => [name, currentOutcome(name)]));
      const failed = [...errors].filter(([, error]) => error).map(([name]) => name);
      expect(failed).toEqual([]);
      expect(errors.size).toBe(all.length);
      recordCheck({
        id: 'determinism.replay-every-path',
        section: 'Determinism',
        check: 'Recorded histories of every case path replay through the current workflow code',
        how: 'unit test: Worker.runReplayHistories over test/replay/histories, the required paths listed in the spec',
        figures: {
          'recorded histories replayed': errors.size,
          'paths required': Object.keys(REQUIRED_PATHS).length,
          'paths covered': names(current).join(', '),
          'histories from before the local-decision patch': prePatch.length,
          'histories from before the signed-commands patch': preSigned.length,
          'non-determinism errors': failed.length,
        },
      });
    });
  });

  describe('processWorkflow (the engine): every shipped definition', () => {
    const completed = (histories: RecordedHistory[]) => histories.filter(({ features }) => features.has('result COMPLETED'));

    it('has a recording of every required path of each shipped definition, each showing its path, and no patch marker but its own', () => {
      const required = Object.entries(REQUIRED_PROCESS_PATHS).flatMap(([key, paths]) => Object.keys(paths).map((name) => `process/${key}/${name}`));
      expect(names(currentProcess).sort()).toEqual(required.sort());
      for (const { name, features } of currentProcess) {
        const [, key, pathName] = name.split('/');
        const missing = REQUIRED_PROCESS_PATHS[key][pathName].filter((feature) => !features.has(feature));
        const patches = [...features].filter((feature) => feature.startsWith('patch ') && !OWN_PROCESS_PATCHES.includes(feature));
        expect({ name, missing, patches }).toEqual({ name, missing: [], patches: [] });
      }
    });

    it.each(names(processHistories))('%s replays deterministically', (name) => {
      expect(currentOutcome(name)).toBeUndefined();
    });

    it('cases that wrote the outcome as a regular activity replay under the local-outcome patch; new runs write it as a local activity', () => {
      expect(completed(preLocalOutcome).length).toBeGreaterThan(0);
      expect(completed(currentProcess).length).toBeGreaterThan(0);
      const shape = ranBy(LOCAL_OUTCOME_PATCH, 'completeProcess');
      for (const history of completed(preLocalOutcome)) expect(shape(history)).toEqual({ name: history.name, marker: false, local: false, regular: true });
      // A run with the local-auto-step marker takes the local outcome without a marker of its own.
      for (const history of completed(currentProcess)) {
        expect({ ...shape(history), marker: shape(history).marker || history.features.has(`patch ${LOCAL_AUTO_PATCH}`) }).toEqual({ name: history.name, marker: true, local: true, regular: false });
      }
    });

    it('cases that ran AUTO steps as regular activities replay under the local-auto-step patch; new runs run them as local activities', () => {
      expect(runsAutoSteps(preLocalAuto).length).toBeGreaterThan(0);
      expect(runsAutoSteps(currentProcess).length).toBeGreaterThan(0);
      const shape = ranBy(LOCAL_AUTO_PATCH, 'runAutomaticStep');
      for (const history of runsAutoSteps(preLocalAuto)) expect(shape(history)).toEqual({ name: history.name, marker: false, local: false, regular: true });
      for (const history of runsAutoSteps(currentProcess)) expect(shape(history)).toEqual({ name: history.name, marker: true, local: true, regular: false });
    });

    it('bites: dropping the local-auto-step patch call (AUTO steps local unconditionally) fails every history with an AUTO step, recorded before the patch or after', async () => {
      expect(await failingWithEdit('if (patched(LOCAL_AUTO_STEP)) {', 'if (LOCAL_AUTO_STEP) {')).toEqual(names(runsAutoSteps(processHistories)).sort());
    }, 180_000);

    it('bites: dropping the auto-step-after-answer patch call (the hand-off timer unconditionally) fails every local run with an AUTO step after an answer, recorded before the patch (no timer) or after (its marker)', async () => {
      const failed = await failingWithEdit('if (answered && patched(AUTO_AFTER_ANSWER))', 'if (answered)');
      const afterAnswer = processHistories.filter(({ features }) => features.has('local activity runAutomaticStep after an answer'));
      expect(afterAnswer.filter(({ features }) => !features.has(`patch ${AUTO_AFTER_ANSWER_PATCH}`)).length).toBeGreaterThan(0);
      expect(afterAnswer.filter(({ features }) => features.has(`patch ${AUTO_AFTER_ANSWER_PATCH}`)).length).toBeGreaterThan(0);
      expect(failed).toEqual(names(afterAnswer).sort());
    }, 180_000);

    it('bites: dropping the outcome-after-answer patch call (the timer before the outcome unconditionally) fails the completed runs whose last answer came in an Update, recorded before the patch (no timer) or after (its marker)', async () => {
      const failed = await failingWithEdit('if (answered && patched(OUTCOME_AFTER_ANSWER))', 'if (answered)');
      const before = preOutcomeAfterAnswer.filter(({ features }) => features.has('result COMPLETED'));
      const after = processHistories.filter(({ features }) => features.has(`patch ${OUTCOME_AFTER_ANSWER_PATCH}`));
      expect([before.length > 0, after.length > 0]).toEqual([true, true]);
      expect(failed).toEqual(expect.arrayContaining(names([...before, ...after])));
    }, 180_000);

    it('bites: dropping the local-outcome patch call (the local activity unconditionally) fails every completed history that recorded the outcome by it, before the patch or after', async () => {
      const choice = 'localAuto || patched(LOCAL_OUTCOME) ? localActivities.completeProcess : activities.completeProcess';
      const failed = await failingWithEdit(choice, 'localActivities.completeProcess');
      // Every completed history but those whose outcome rode on the local-auto-step marker (they have no outcome marker).
      const outcomeMarked = completed(processHistories).filter(({ features }) => !features.has(`patch ${LOCAL_AUTO_PATCH}`));
      expect(outcomeMarked.length).toBeGreaterThan(completed(preLocalOutcome).length);
      expect(failed).toEqual(names(outcomeMarked).sort());
    }, 180_000);

    it('bites: the same reorder in process.workflow.ts (openStep after the reminder timer) fails every history with a MANUAL step', async () => {
      const reordered = await bundle(reorderOpenStep, PROCESS_WORKFLOW_SOURCE);
      expect(reordered.edits).toHaveLength(1);
      // A step opened by runStep (MANUAL). The deregistration's recordings run every step AUTO: their only
      // openStep is an objection's task, opened by the notice code (notice-steps.ts), which the reorder does not touch.
      const opensManualStep = ({ features }: RecordedHistory) => features.has('activity openStep') && !features.has('update raiseObjection');
      const affected = processHistories.filter(opensManualStep);
      const unaffected = processHistories.filter((history) => !opensManualStep(history));
      expect(affected.length).toBeGreaterThan(0);
      const errors = await replay(reordered, processHistories);
      expect(names(affected.filter(({ name }) => errors.get(name) instanceof DeterminismViolationError))).toEqual(names(affected));
      expect(unaffected.filter(({ name }) => errors.get(name))).toEqual([]);
    }, 180_000);
  });

  describe('negative control: a reordered change without a patch', () => {
    it('is caught as a DeterminismViolationError on every history it affects', async () => {
      const reordered = await bundle(reorderOpenStep);
      expect(reordered.edits).toHaveLength(1);
      const [{ before, after }] = reordered.edits;
      expect(before.indexOf(OPEN_STEP)).toBeLessThan(before.indexOf(REMINDER_WAIT));
      expect(after.indexOf(OPEN_STEP)).toBeGreaterThan(after.indexOf(REMINDER_WAIT));
      expect(reordered.code).not.toEqual(currentBundle.code);

      // Only a MANUAL step opens with openStep: an all-AUTO case does not meet the change.
      const affected = all.filter(({ features }) => features.has('activity openStep'));
      const unaffected = all.filter(({ features }) => !features.has('activity openStep'));
      expect(affected.length).toBeGreaterThan(0);
      expect(unaffected.length).toBeGreaterThan(0);

      const errors = await replay(reordered, all);
      const caught = affected.filter(({ name }) => errors.get(name) instanceof DeterminismViolationError);
      expect(names(caught)).toEqual(names(affected));
      expect(unaffected.filter(({ name }) => errors.get(name))).toEqual([]);
      recordCheck({
        id: 'determinism.reordered-change-caught',
        section: 'Determinism',
        check: 'A reordered workflow change (openStep activity moved after the reminder timer) fails replay',
        how: 'unit test: a webpack loader edits case.workflow.ts at bundle time, the recorded histories replay through it',
        figures: {
          'reordered change caught': 'yes (DeterminismViolationError)',
          'histories the change affects': affected.length,
          'caught': caught.length,
          'unaffected histories replayed clean': unaffected.length,
        },
      });
    }, 180_000);
  });

  describe('patching: running cases survive a deploy', () => {
    it('cases that took a cancellation, reopening or correction before the signed-commands patch replay under it; new runs check the signature first', () => {
      const commanded = (histories: RecordedHistory[]) => histories.filter(({ features }) => COMMAND_UPDATES.some((update) => features.has(update)));
      expect(commanded(preSigned).length).toBeGreaterThan(0);
      expect(commanded(current).length).toBeGreaterThan(0);
      const shape = ({ name, features }: RecordedHistory) => ({ name, marker: features.has(`patch ${SIGNED_COMMANDS_PATCH}`), check: features.has('activity verifyCommand') });
      // Old runs: no marker, no check; new runs: the marker and the worker's check of the signature.
      for (const history of commanded(preSigned)) expect(shape(history)).toEqual({ name: history.name, marker: false, check: false });
      for (const history of commanded(current)) expect(shape(history)).toEqual({ name: history.name, marker: true, check: true });
      expect(names([...commanded(preSigned), ...commanded(current)]).filter((name) => currentOutcome(name))).toEqual([]);
    });

    it('cases recorded before the local-decision patch replay under it; new runs take the new branch', async () => {
      const decided = (histories: RecordedHistory[]) => histories.filter(({ features }) => features.has('update decideTask'));
      expect(decided(prePatch).length).toBeGreaterThan(0);
      expect(decided(current).length).toBeGreaterThan(0);
      // Old runs: no marker, the decision recorded as a regular activity.
      for (const { name, features } of decided(prePatch)) {
        expect({ name, marker: features.has(`patch ${LOCAL_DECISION_PATCH}`), regular: features.has('activity recordDecision') }).toEqual({ name, marker: false, regular: true });
      }
      // New runs: the marker, and the decision as a local activity only.
      for (const { name, features } of decided(current)) {
        expect({ name, marker: features.has(`patch ${LOCAL_DECISION_PATCH}`), local: features.has('local activity recordDecision'), regular: features.has('activity recordDecision') }).toEqual({
          name,
          marker: true,
          local: true,
          regular: false,
        });
      }

      expect(names(all).filter((name) => currentOutcome(name))).toEqual([]);

      const oldBranch = all.filter(({ features }) => features.has('activity recordDecision'));
      const newBranch = all.filter(({ features }) => features.has(`patch ${LOCAL_DECISION_PATCH}`));
      const brokenBy = async (edit: (source: string) => string): Promise<RecordedHistory[]> => {
        const edited = await bundle(edit);
        expect(edited.edits).toHaveLength(1);
        expect(edited.edits[0].after).not.toContain(LOCAL_DECISION_CHOICE);
        const errors = await replay(edited, all);
        // Any failure must be a non-determinism error, not a broken edit.
        expect(all.filter(({ name }) => errors.get(name) && !(errors.get(name) instanceof DeterminismViolationError))).toEqual([]);
        return all.filter(({ name }) => errors.get(name));
      };
      // deprecatePatch: new runs replay; old runs that recorded a decision do not, so it ships once none runs.
      const brokenByDeprecation = await brokenBy(deprecateLocalDecision);
      expect(names(brokenByDeprecation)).toEqual(names(oldBranch));
      // Dropping the patch call before the deprecation has shipped breaks the old runs and the new ones too.
      const brokenByRemoval = await brokenBy(removeLocalDecisionPatch);
      expect(names(brokenByRemoval)).toEqual(names(all.filter((history) => oldBranch.includes(history) || newBranch.includes(history))));

      // The reorder of the negative control, guarded by patched(): every recording replays.
      const guarded = await bundle(reorderOpenStepPatched);
      expect(guarded.edits).toHaveLength(1);
      expect(guarded.edits[0].after).toContain(`patched('${REORDER_PATCH}')`);
      const guardedErrors = await replay(guarded, all);
      expect(all.filter(({ name }) => guardedErrors.get(name))).toEqual([]);

      recordCheck({
        id: 'determinism.patching',
        section: 'Determinism',
        check: 'Workflow changes behind patched(): recorded cases replay on the old branch, new runs take the new one',
        how: 'unit test: histories from before and after the local-decision patch replayed under patched(), deprecatePatch() and no patch call; the reorder behind patched()',
        figures: {
          'pre-patch histories replayed under the patched code': prePatch.length,
          'new runs on the new branch (marker + local decision)': decided(current).length,
          'deprecatePatch: old-branch runs broken (why it waits for them to finish)': `${brokenByDeprecation.length} of ${oldBranch.length} (DeterminismViolationError)`,
          'patch call removed without deprecation: runs broken': `${brokenByRemoval.length} of ${oldBranch.length + newBranch.length} (DeterminismViolationError)`,
          'reordered change behind patched(): histories replayed clean': all.length,
        },
      });
    }, 300_000);
  });
});
