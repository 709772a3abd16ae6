/**
 * The desk's routing rules in evaluation order: move up/down, enable or disable, edit, delete.
 * Only those who configure the desk get the list; for anyone else the server answers 403 and the
 * card says who does.
 */
import { useEffect, useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { isApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { useDeleteRule, useReorderRules, useRoutingOptions, useRoutingRules, useToggleRule } from './api.ts';
import { RuleDialog } from './RuleDialog.tsx';
import { actionsSummary, conditionsSummary } from './ruleForm.ts';
import type { RoutingRule } from './types.ts';

/** The ids with the rule at `index` swapped with its neighbour in `direction`. */
function moved(rules: readonly RoutingRule[], index: number, direction: -1 | 1): string[] {
  const ids = rules.map((r) => r.id);
  const other = index + direction;
  const a = ids[index];
  const b = ids[other];
  if (a === undefined || b === undefined) return ids;
  ids[index] = b;
  ids[other] = a;
  return ids;
}

export function RoutingRulesCard() {
  const rules = useRoutingRules();
  const forbidden = isApiError(rules.error, 'forbidden');
  const options = useRoutingOptions(rules.isSuccess);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const reorder = useReorderRules();
  const toggleRule = useToggleRule();
  const remove = useDeleteRule();
  const toast = useToast();

  // After a move, focus follows the rule to its new place (its other arrow at either end).
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; direction: -1 | 1 } | null>(null);
  useEffect(() => {
    if (!focusAfterMove || reorder.isPending) return;
    const button = (direction: number) =>
      document.querySelector<HTMLButtonElement>(`[data-rule-move="${focusAfterMove.id}:${direction}"]`);
    const same = button(focusAfterMove.direction);
    (same && !same.disabled ? same : button(-focusAfterMove.direction))?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, reorder.isPending]);

  const move = (list: RoutingRule[], index: number, direction: -1 | 1) => {
    const rule = list[index];
    // Ignored rather than disabled while a move is saving: disabling would drop keyboard focus.
    if (!rule || reorder.isPending) return;
    reorder.mutate(moved(list, index, direction), {
      onSuccess: () => {
        setAnnouncement(`${rule.name} moved to position ${index + direction + 1} of ${list.length}`);
        setFocusAfterMove({ id: rule.id, direction });
      },
      onError: (error) => toast(`Not moved: ${describeError(error)}`, 'danger'),
    });
  };

  return (
    <Card
      id="desk-routing"
      title="Routing rules"
      description="Applied to every new ticket of your clients, top to bottom; the first match wins."
      actions={
        rules.isSuccess ? (
          <Button icon="plus" variant="primary" size="s" onClick={() => setEditing('new')}>
            New rule
          </Button>
        ) : null
      }
      flush={rules.isSuccess && rules.data.length > 0}
    >
      {rules.isPending ? (
        <div className="stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading routing rules…</span>
          <Skeleton width="80%" />
          <Skeleton width="60%" />
        </div>
      ) : forbidden ? (
        <Alert tone="info" title="Set by your desk’s admins">
          Routing rules are managed by the people who configure your desk. Ask them to change how new tickets
          are assigned.
        </Alert>
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <EmptyState icon="grid" title="No routing rules yet">
          New tickets stay unassigned until someone picks them up. Add a rule to set a team, a priority or an
          assignee automatically.
        </EmptyState>
      ) : (
        <ol className="list desk-rules">
          {rules.data.map((rule, index, list) => (
            <li
              key={rule.id}
              className={rule.enabled ? 'list-item desk-rule' : 'list-item desk-rule desk-rule-off'}
            >
              <span className="desk-rule-position" aria-hidden="true">
                {index + 1}
              </span>
              <div className="list-item-text">
                <span className="row">
                  <span className="list-item-title">{rule.name}</span>
                  {rule.enabled ? null : <Badge>Disabled</Badge>}
                  {rule.assigneeMissing ? <Badge tone="warning">Assignee left</Badge> : null}
                </span>
                <span className="list-item-meta">
                  {conditionsSummary(rule, options.data)} → {actionsSummary(rule)}
                </span>
              </div>
              <div className="desk-rule-actions">
                <label className="desk-switch">
                  <input
                    type="checkbox"
                    checked={rule.enabled}
                    disabled={toggleRule.isPending && toggleRule.variables?.id === rule.id}
                    onChange={(event) =>
                      toggleRule.mutate(
                        { id: rule.id, enabled: event.target.checked },
                        { onError: (error) => toast(`Not saved: ${describeError(error)}`, 'danger') },
                      )
                    }
                  />
                  <span>
                    On<span className="visually-hidden">: {rule.name}</span>
                  </span>
                </label>
                <Button
                  size="s"
                  variant="ghost"
                  aria-label={`Move ${rule.name} up`}
                  data-rule-move={`${rule.id}:-1`}
                  disabled={index === 0}
                  onClick={() => move(list, index, -1)}
                >
                  ↑
                </Button>
                <Button
                  size="s"
                  variant="ghost"
                  aria-label={`Move ${rule.name} down`}
                  data-rule-move={`${rule.id}:1`}
                  disabled={index === list.length - 1}
                  onClick={() => move(list, index, 1)}
                >
                  ↓
                </Button>
                <Button size="s" icon="pencil" onClick={() => setEditing(rule)}>
                  Edit<span className="visually-hidden"> {rule.name}</span>
                </Button>
                <Button size="s" variant="ghost" icon="x" onClick={() => setDeleting(rule)}>
                  Delete<span className="visually-hidden"> {rule.name}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      <RuleDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        rule={editing === 'new' || editing === null ? undefined : editing}
        options={options.data}
        onSaved={(saved) => toast(`Rule “${saved.name}” saved`)}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast(`Rule “${deleting.name}” deleted`);
              setDeleting(null);
            },
          })
        }
        title="Delete this rule?"
        confirmLabel="Delete rule"
        danger
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : null}
      >
        <p>
          “{deleting?.name}” will no longer route new tickets. Tickets it already routed keep their team and
          assignee.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
