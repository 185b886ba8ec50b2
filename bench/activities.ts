/** The skeleton's activities: nothing but the payloads the real ones carry. */
export function createBenchActivities() {
  return {
    async noop(_input: string, resultBytes: number): Promise<string> {
      return 'x'.repeat(Math.max(0, resultBytes));
    },
  };
}

export type BenchActivities = ReturnType<typeof createBenchActivities>;
