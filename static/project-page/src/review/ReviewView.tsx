/**
 * The Review subpage's state (issue #23): the picked sprint's review from `project/review`, the
 * CSV from `project/reviewCsv` saved as a file, and Print. Loaded lazily by App.tsx (its own
 * chunk), so the other subpages' first render does not carry it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReviewData } from '../../../../src/contract/sprint-review';
import type { SnapshotAnswer } from '../../../../src/contract/project-page';
import { call } from '../../../shared/invoke';
import { asResolverError } from '../../../shared/format';
import { useResolver } from '../../../shared/use-resolver';
import { PageShell, type RefreshControl } from '../PageShell';
import { ReviewPage } from './ReviewPage';

function saveFile(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ReviewView({ refresh, now }: { refresh: RefreshControl; now: number }) {
  const [sprintId, setSprintId] = useState<string | undefined>(undefined);
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  const {
    state,
    retry,
    refresh: reload,
  } = useResolver<SnapshotAnswer<ReviewData>>(() =>
    call('project/review', sprintId === undefined ? {} : { sprintId }),
  );
  const busy =
    state.status === 'ready' && (state.data.status === 'pending' || state.data.meta.refreshing);
  useEffect(() => {
    if (!busy) return;
    // While a recompute runs, look again quietly (as the other subpages do, App.tsx).
    const timer = setTimeout(reload, 3000);
    return () => clearTimeout(timer);
  }, [busy, state, reload]);
  const pick = useCallback(
    (id: string) => {
      setSprintId(id);
      setCsvProblem(null);
      // A new attempt reads the new sprint (useResolver reads `load` once per attempt).
      setTimeout(retry, 0);
    },
    [retry],
  );
  const onCsv = useCallback(() => {
    const shown =
      state.status === 'ready' && state.data.status === 'ready' ? state.data.data.sprint : null;
    const request = shown === null ? {} : { sprintId: shown.sprintId };
    call('project/reviewCsv', request)
      .then((answer) => {
        if (answer.status !== 'ready')
          setCsvProblem('The figures are still being computed: try again in a minute.');
        else saveFile(answer.data.fileName, answer.data.csv);
      })
      .catch((thrown: unknown) =>
        setCsvProblem(`The CSV could not be made: ${asResolverError(thrown).message}`),
      );
  }, [state]);
  return (
    <PageShell title="Review" state={state} now={now} onRetry={retry} refresh={refresh}>
      {(data) => (
        <ReviewPage
          data={data}
          actions={{ onPick: pick, onCsv, onPrint: () => window.print(), csvProblem }}
        />
      )}
    </PageShell>
  );
}
