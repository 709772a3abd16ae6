/** The desk's shared canned responses and the caller's own: create, edit and delete what they may. */
import { useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { describeError } from '../../lib/errors.ts';
import { useCannedResponses, useDeleteCanned } from './api.ts';
import { CannedDialog } from './CannedDialog.tsx';
import type { CannedResponse } from './types.ts';

export function CannedCard() {
  const canned = useCannedResponses();
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const remove = useDeleteCanned();
  const toast = useToast();
  const items = canned.data?.cannedResponses ?? [];

  return (
    <Card
      id="desk-canned"
      title="Canned responses"
      description="Reusable replies, inserted from the reply composer with the ticket’s details filled in."
      actions={
        canned.isSuccess ? (
          <Button icon="plus" variant="primary" size="s" onClick={() => setEditing('new')}>
            New response
          </Button>
        ) : null
      }
      flush={items.length > 0}
    >
      {canned.isPending ? (
        <div className="stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading canned responses…</span>
          <Skeleton width="70%" />
          <Skeleton width="50%" />
        </div>
      ) : canned.isError ? (
        <ErrorState error={canned.error} onRetry={() => void canned.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="message" title="No canned responses yet">
          Save the answers you write again and again.
        </EmptyState>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={item.id} className="list-item desk-canned">
              <div className="list-item-text">
                <span className="row">
                  <span className="list-item-title">{item.title}</span>
                  <Badge tone={item.shared ? 'info' : 'neutral'}>{item.shared ? 'Shared' : 'Mine'}</Badge>
                </span>
                <span className="list-item-meta desk-canned-body">{item.body}</span>
              </div>
              {item.abilities.edit ? (
                <div className="desk-rule-actions">
                  <Button size="s" icon="pencil" onClick={() => setEditing(item)}>
                    Edit<span className="visually-hidden"> {item.title}</span>
                  </Button>
                  <Button size="s" variant="ghost" icon="x" onClick={() => setDeleting(item)}>
                    Delete<span className="visually-hidden"> {item.title}</span>
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <CannedDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        canned={editing === 'new' || editing === null ? undefined : editing}
        canShare={canned.data?.abilities.createShared ?? false}
        onSaved={(saved) => toast(`“${saved.title}” saved`)}
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
              toast(`“${deleting.title}” deleted`);
              setDeleting(null);
            },
          })
        }
        title="Delete this canned response?"
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : null}
      >
        <p>
          “{deleting?.title}” will be gone{deleting?.shared ? ' for everyone on your desk' : ''}. Replies
          already sent are not changed.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
