import { describe, expect, it } from 'vitest';
import { changelogPageSchema } from './jira-schemas';

describe('changelogPageSchema', () => {
  // Found by test/reliability/jira-faults.test.ts: after a rebalance was undone, an issue's Sprint
  // change had no `toString` (Jira leaves empty values out), zod read Object.prototype.toString, and
  // every project page recompute failed as "Jira answered in a shape Ballast does not understand".
  it('reads a change item without toString (or fromString) as null, not through the prototype', () => {
    const page = changelogPageSchema.parse(
      JSON.parse(
        '{"issueChangeLogs":[{"issueId":"10001","changeHistories":[{"id":"1","items":[{"field":"Sprint","fieldId":"customfield_10020","from":"9","fromString":"SHOP Sprint 9"}]}]}]}',
      ),
    );
    const item = page.issueChangeLogs[0]!.changeHistories[0]!.items[0]!;
    expect(item.toString).toBeNull();
    expect(item.fromString).toBe('SHOP Sprint 9');
  });

  it('keeps a toString that is there', () => {
    const page = changelogPageSchema.parse({
      issueChangeLogs: [
        { issueId: '1', changeHistories: [{ items: [{ field: 'status', toString: 'Done' }] }] },
      ],
    });
    expect(page.issueChangeLogs[0]!.changeHistories[0]!.items[0]!.toString).toBe('Done');
  });
});
