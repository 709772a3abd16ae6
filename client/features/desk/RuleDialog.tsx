/**
 * Creating or editing a routing rule: a name, the conditions (all must hold) and the actions.
 * The server validates everything; its message for each field is shown beside that field and the
 * first one is announced.
 */
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/Field.tsx';
import { describeError } from '../../lib/errors.ts';
import { roleLabel } from '../../lib/format.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '../../lib/types.ts';
import { categoryLabel, priorityLabel } from '../tickets/words.ts';
import { useSaveRule } from './api.ts';
import { type Assignment, draftFromRule, inputFromDraft, type RuleDraft, ruleErrors } from './ruleForm.ts';
import type { RoutingOptions, RoutingRule } from './types.ts';

interface RuleDialogProps {
  open: boolean;
  onClose: () => void;
  /** The rule to edit; absent to create one. */
  rule?: RoutingRule;
  options: RoutingOptions | undefined;
  onSaved: (rule: RoutingRule) => void;
}

export function RuleDialog(props: RuleDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={props.rule ? 'Edit routing rule' : 'New routing rule'}
      description="New tickets are checked against the rules in order; the first rule whose conditions all match applies."
      size="l"
    >
      <RuleForm {...props} />
    </Dialog>
  );
}

/** Toggles `value` in a list, keeping the canonical order of `all`. */
function toggle<T extends string>(list: readonly T[], value: T, all: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return all.filter((v) => next.includes(v));
}

function RuleForm({ onClose, rule, options, onSaved }: RuleDialogProps) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftFromRule(rule));
  const save = useSaveRule(rule?.id ?? null);
  const errors = ruleErrors(save.error);
  const set = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const orgIds = options?.orgs.map((o) => o.id) ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    save.mutate(inputFromDraft(draft), {
      onSuccess: ({ rule: saved }) => {
        onSaved(saved);
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit}>
      <DialogBody>
        <TextField
          label="Name"
          required
          maxLength={100}
          value={draft.name}
          error={errors.name}
          placeholder="e.g. Billing questions to the finance team"
          onChange={(event) => set({ name: event.target.value })}
        />
        <Checkbox
          label="Enabled"
          hint="Disabled rules are kept but skipped."
          checked={draft.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />

        <h3 className="desk-form-heading">Conditions</h3>
        <p className="field-hint">Leave a condition empty to ignore it. At least one is needed.</p>
        {errors.conditions ? <p className="field-error">{errors.conditions}</p> : null}
        <Fieldset legend="Category is any of" error={errors.categories}>
          <div className="checkbox-grid">
            {TICKET_CATEGORIES.map((category) => (
              <Checkbox
                key={category}
                label={categoryLabel(category)}
                checked={draft.categories.includes(category)}
                onChange={() => set({ categories: toggle(draft.categories, category, TICKET_CATEGORIES) })}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend="Priority (as filed) is any of" error={errors.priorities}>
          <div className="checkbox-grid">
            {TICKET_PRIORITIES.map((priority) => (
              <Checkbox
                key={priority}
                label={priorityLabel(priority)}
                checked={draft.priorities.includes(priority)}
                onChange={() => set({ priorities: toggle(draft.priorities, priority, TICKET_PRIORITIES) })}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend="Organisation is any of" error={errors.orgIds}>
          {options === undefined ? (
            <p className="subtle">Loading organisations…</p>
          ) : options.orgs.length === 0 ? (
            <p className="subtle">This desk has no client organisations yet.</p>
          ) : (
            <div className="checkbox-grid">
              {options.orgs.map((org) => (
                <Checkbox
                  key={org.id}
                  label={org.name}
                  checked={draft.orgIds.includes(org.id)}
                  onChange={() => set({ orgIds: toggle(draft.orgIds, org.id, orgIds) })}
                />
              ))}
            </div>
          )}
        </Fieldset>
        <TextField
          label="Subject or description mentions any of"
          optional
          maxLength={1000}
          hint="Whole words, separated by commas; upper and lower case are the same. “mail” matches “Mail is down” but not “mailbox”."
          value={draft.keywords}
          error={errors.keywords}
          onChange={(event) => set({ keywords: event.target.value })}
        />

        <h3 className="desk-form-heading">Actions</h3>
        {errors.actions ? <p className="field-error">{errors.actions}</p> : null}
        <SelectField
          label="Assign to"
          value={draft.assignment}
          onChange={(event) => set({ assignment: event.target.value as Assignment })}
          options={[
            { value: 'none', label: 'Nobody (leave unassigned)' },
            { value: 'person', label: 'A named person' },
            { value: 'round_robin', label: 'Round-robin among available people' },
          ]}
          hint={
            draft.assignment === 'round_robin'
              ? 'Takes turns among the people who are “Available for new tickets”. Nobody available: left unassigned.'
              : undefined
          }
          error={draft.assignment === 'person' ? undefined : errors.assignee}
        />
        {draft.assignment === 'person' ? (
          <SelectField
            label="Person"
            required
            value={draft.assigneeId}
            error={errors.assignee}
            onChange={(event) => set({ assigneeId: event.target.value })}
            options={[
              { value: '', label: 'Choose someone…' },
              ...(options?.agents ?? []).map((agent) => ({
                value: agent.id,
                label: `${agent.name} (${roleLabel(agent.role)})`,
              })),
              // Keep a departed assignee selectable so the dialog shows what the rule says.
              ...(draft.assigneeId && !options?.agents.some((a) => a.id === draft.assigneeId)
                ? [{ value: draft.assigneeId, label: 'Someone who left the desk' }]
                : []),
            ]}
          />
        ) : null}
        <TextField
          label="Team"
          optional
          maxLength={60}
          value={draft.team}
          error={errors.team}
          placeholder="e.g. billing"
          onChange={(event) => set({ team: event.target.value })}
        />
        <SelectField
          label="Set priority to"
          value={draft.priority}
          error={errors.priority}
          onChange={(event) => set({ priority: event.target.value as RuleDraft['priority'] })}
          options={[
            { value: '', label: 'Keep the priority the client chose' },
            ...TICKET_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p) })),
          ]}
        />
        <FormError message={save.error ? describeError(save.error) : null} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" pending={save.isPending}>
          {rule ? 'Save rule' : 'Create rule'}
        </Button>
      </DialogFooter>
    </form>
  );
}
