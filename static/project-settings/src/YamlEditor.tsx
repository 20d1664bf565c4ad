import { useRef } from 'react';
import type { SloImportProblem } from '../../../src/contract/slo';
import { lineRange, problemsByLine } from './yaml-problems';

/**
 * A textarea with a line-number gutter; lines with a problem carry a marker, and the problem list
 * below links each problem to its line (the cursor goes there and the line is selected).
 */
export function YamlEditor({
  id,
  label,
  value,
  onChange,
  problems,
  readOnly,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: readonly SloImportProblem[];
  readOnly: boolean;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const byLine = problemsByLine(problems);
  const lineCount = Math.max(value.split('\n').length, 12);
  // A fixed height (20px lines, 8px padding each side): the gutter scrolls with the text.
  const rows = Math.min(lineCount, 24);
  const goTo = (line: number) => {
    const textarea = area.current;
    if (!textarea) return;
    const { start, end } = lineRange(value, line);
    textarea.focus();
    textarea.setSelectionRange(start, end);
    // 20px per line (settings.css): bring the line into view.
    textarea.scrollTop = Math.max(0, (line - 3) * 20);
  };
  return (
    <div className="yaml">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="yaml-editor" style={{ height: `${rows * 20 + 16}px` }}>
        <div className="yaml-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => {
            const messages = byLine.get(i + 1);
            return (
              <div
                key={i}
                className={messages ? 'gutter-line gutter-error' : 'gutter-line'}
                title={messages?.join('\n')}
                data-line={i + 1}
              >
                {messages ? '●' : ''} {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          id={id}
          ref={area}
          className="yaml-text code"
          spellCheck={false}
          wrap="off"
          value={value}
          readOnly={readOnly}
          aria-invalid={problems.length > 0}
          aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      {problems.length > 0 && (
        <div className="message message-error" role="alert" id={`${id}-problems`}>
          <p className="message-title">
            Not imported: {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in the
            file
          </p>
          <ul className="message-list yaml-problems">
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.line === null ? (
                  problem.message
                ) : (
                  <>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => goTo(problem.line ?? 1)}
                    >
                      Line {problem.line}
                    </button>
                    : {problem.message}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
