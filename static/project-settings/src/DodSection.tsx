import {
  AUTO_CHECK_LABEL,
  AUTO_CHECK_TYPES,
  WORK_TYPE_LABEL,
  type AutoCheck,
  type DodItem,
  type Template,
} from './config-types';
import { defaultCheck } from './draft';
import type { FormAction } from './form-state';

function CheckParams({
  check,
  prefix,
  onChange,
}: {
  check: AutoCheck;
  prefix: string;
  onChange: (check: AutoCheck) => void;
}) {
  const text = (id: string, label: string, value: string, set: (v: string) => void) => (
    <span className="param" key={id}>
      <label className="visually-hidden" htmlFor={`${prefix}-${id}`}>
        {label}
      </label>
      <input
        id={`${prefix}-${id}`}
        className="input input-param"
        placeholder={label}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </span>
  );
  switch (check.type) {
    case 'labelPresent':
      return text('label', 'Label', check.label, (label) => onChange({ ...check, label }));
    case 'fieldSet':
      return (
        <>
          {text('field', 'Field id (customfield_…)', check.field, (field) =>
            onChange({ ...check, field }),
          )}
          {text('fieldName', 'Field name', check.fieldName, (fieldName) =>
            onChange({ ...check, fieldName }),
          )}
        </>
      );
    case 'linkExists':
      return (
        <>
          {text('linkType', 'Link type', check.linkType, (linkType) =>
            onChange({ ...check, linkType }),
          )}
          {text(
            'linkedIssueType',
            'Linked issue type (optional)',
            check.linkedIssueType ?? '',
            (v) =>
              onChange(
                v.trim() === ''
                  ? { type: 'linkExists', linkType: check.linkType }
                  : { ...check, linkedIssueType: v },
              ),
          )}
        </>
      );
    default:
      return null;
  }
}

function ItemRow({
  template,
  item,
  index,
  dispatch,
}: {
  template: Template;
  item: DodItem;
  index: number;
  dispatch: (action: FormAction) => void;
}) {
  const prefix = `dod-${template.id}-${index}`;
  const update = (next: DodItem) =>
    dispatch({ type: 'updateItem', templateId: template.id, index, item: next });
  const name = item.text.trim() === '' ? `item ${index + 1}` : `“${item.text}”`;
  return (
    <li className="dod-item">
      <label className="visually-hidden" htmlFor={`${prefix}-text`}>
        Text of item {index + 1} of {template.name}
      </label>
      <input
        id={`${prefix}-text`}
        className="input dod-text"
        value={item.text}
        placeholder="What must be true"
        onChange={(e) => update({ ...item, text: e.target.value })}
      />
      <label className="check-inline">
        <input
          type="checkbox"
          className="checkbox"
          checked={item.required}
          onChange={(e) => update({ ...item, required: e.target.checked })}
        />
        Required
      </label>
      <label className="visually-hidden" htmlFor={`${prefix}-kind`}>
        How item {index + 1} is checked
      </label>
      <select
        id={`${prefix}-kind`}
        className="select select-narrow"
        value={item.kind === 'manual' ? 'manual' : item.check.type}
        onChange={(e) => {
          const value = e.target.value;
          const base = { id: item.id, text: item.text, required: item.required };
          update(
            value === 'manual'
              ? { ...base, kind: 'manual' }
              : { ...base, kind: 'auto', check: defaultCheck(value as AutoCheck['type']) },
          );
        }}
      >
        <option value="manual">Ticked by a person</option>
        <optgroup label="Checked automatically">
          {AUTO_CHECK_TYPES.map((type) => (
            <option key={type} value={type}>
              Auto: {AUTO_CHECK_LABEL[type]}
            </option>
          ))}
        </optgroup>
      </select>
      {item.kind === 'auto' && (
        <span className="dod-params">
          <CheckParams
            check={item.check}
            prefix={prefix}
            onChange={(check) => update({ ...item, check })}
          />
        </span>
      )}
      <span className="rule-buttons">
        <button
          type="button"
          className="button button-subtle button-icon"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => dispatch({ type: 'moveItem', templateId: template.id, index, by: -1 })}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button-subtle button-icon"
          aria-label={`Move ${name} down`}
          disabled={index === template.items.length - 1}
          onClick={() => dispatch({ type: 'moveItem', templateId: template.id, index, by: 1 })}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button-subtle"
          aria-label={`Delete ${name}`}
          onClick={() => dispatch({ type: 'removeItem', templateId: template.id, index })}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

export function DodSection({
  templates,
  dispatch,
}: {
  templates: readonly Template[];
  dispatch: (action: FormAction) => void;
}) {
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        The checklist each item gets, by its category. Required items must be done before the item
        can close; automatic items are checked from the issue itself. Changing a template keeps the
        ticks of items that stay.
      </p>
      {templates.length === 0 && <p className="empty">No templates: items have no checklist.</p>}
      {templates.map((template) => (
        <section
          key={template.id}
          className="dod-template"
          aria-labelledby={`dod-${template.id}-title`}
        >
          <h3 id={`dod-${template.id}-title`} className="group-title">
            <span className={`lozenge lozenge-${template.workType}`}>
              {WORK_TYPE_LABEL[template.workType]}
            </span>{' '}
            {template.name}
            {template.issueTypes.length > 0 && (
              <span className="subtle"> · only {template.issueTypes.join(', ')}</span>
            )}
          </h3>
          <div className="form-row">
            <label className="field-label" htmlFor={`dod-${template.id}-name`}>
              Template name
            </label>
            <input
              id={`dod-${template.id}-name`}
              className="input"
              value={template.name}
              onChange={(e) =>
                dispatch({ type: 'templateName', templateId: template.id, name: e.target.value })
              }
            />
          </div>
          <ul className="dod-items" aria-label={`Items of ${template.name}`}>
            {template.items.map((item, index) => (
              <ItemRow
                key={`${item.id}-${index}`}
                template={template}
                item={item}
                index={index}
                dispatch={dispatch}
              />
            ))}
          </ul>
          <button
            type="button"
            className="button"
            onClick={() => dispatch({ type: 'addItem', templateId: template.id })}
          >
            Add item to {template.name}
          </button>
        </section>
      ))}
    </div>
  );
}
