/** @jsxRuntime automatic */
/**
 * The loading state of every frame: grey placeholders shaped like the content that is coming (as
 * Atlassian's skeletons, in the `color.skeleton` / `color.skeleton.subtle` tokens), so a slow
 * answer never shows a blank box. One component; each app names the shape of its content. The
 * placeholders are hidden from screen readers, which hear "Loading …" once (role="status").
 * Widths are percentages and the rows wrap, so a 250 px issue-context column never clips them.
 */

/** One placeholder: a text line, a heading, a lozenge, a checkbox, or a chart-sized block. */
type Bone =
  | { readonly kind: 'line' | 'heading'; readonly width: Width }
  | { readonly kind: 'chip' | 'box' | 'button' }
  | { readonly kind: 'block'; readonly height: 'small' | 'large' };
type Width = 10 | 20 | 30 | 40 | 50 | 60 | 70 | 80 | 100;

const line = (width: Width): Bone => ({ kind: 'line', width });
const heading = (width: Width): Bone => ({ kind: 'heading', width });
const chip: Bone = { kind: 'chip' };
const box: Bone = { kind: 'box' };
const button: Bone = { kind: 'button' };
const block = (height: 'small' | 'large'): Bone => ({ kind: 'block', height });

const SPRINT_PLAN: readonly (readonly Bone[])[] = [
  [block('small')],
  [line(30), block('small')],
  [line(30), block('small')],
  [line(30), block('small')],
  [line(60)],
  [line(70)],
];

const SUBPAGE: readonly (readonly Bone[])[] = [
  [line(40), button],
  [heading(30)],
  [block('large')],
  [line(80)],
  [line(70)],
];

/** Rows of placeholders per kind of content, each as the loaded view lays it out. */
const SHAPES = {
  /** Issue panel: the category with its picker, then the DoD checklist with its progress bar. */
  'issue-panel': [
    [heading(30)],
    [chip, line(50)],
    [button, button],
    [heading(40)],
    [block('small')],
    [box, line(70)],
    [box, line(60)],
    [box, line(80)],
  ],
  /** Issue context: label and value rows of the side column. */
  'issue-context': [[line(40), chip], [line(40), chip], [line(50), line(30)], [line(80)]],
  /** Sprint planner: title and sprint chooser, then the sprint's plan. */
  planner: [[heading(30), button], ...SPRINT_PLAN],
  /** The chosen sprint's plan: verdict, split bars, capacity, moves. */
  'sprint-plan': SPRINT_PLAN,
  /** The project page: its subpage tabs above a subpage. */
  'project-page': [[line(10), line(10), line(10), line(10), line(10), line(10)], ...SUBPAGE],
  /** One project subpage: freshness line, title, a chart, a table's rows. */
  'project-subpage': SUBPAGE,
  /** Project settings: a section heading, its fields and a save bar. */
  settings: [[heading(30)], [line(60)], [block('small')], [line(50)], [block('small')], [button]],
  /** One section or sub-view loading inside a loaded page: a few lines. */
  section: [[heading(40)], [line(80)], [line(70)], [line(50)]],
} as const satisfies Record<string, readonly (readonly Bone[])[]>;

export type SkeletonShape = keyof typeof SHAPES;

export function isSkeletonShape(name: string): name is SkeletonShape {
  return Object.hasOwn(SHAPES, name);
}

function boneClass(bone: Bone): string {
  switch (bone.kind) {
    case 'line':
    case 'heading':
      return `skeleton-${bone.kind} skeleton-w${bone.width}`;
    case 'block':
      return `skeleton-block skeleton-block-${bone.height}`;
    default:
      return `skeleton-${bone.kind}`;
  }
}

/** "Loading {what}…" for assistive technology, placeholders shaped as `shape` for the eye. */
export function Skeleton({ what, shape }: { what: string; shape: SkeletonShape }) {
  return (
    <div className={`skeleton skeleton-${shape}`} role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">Loading {what}…</span>
      {SHAPES[shape].map((row, r) => (
        <div className="skeleton-row" aria-hidden="true" key={r}>
          {row.map((bone, b) => (
            <span className={`skeleton-bone ${boneClass(bone)}`} key={b} />
          ))}
        </div>
      ))}
    </div>
  );
}
