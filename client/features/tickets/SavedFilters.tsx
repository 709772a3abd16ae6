/**
 * Saved filters on the ticket list: a select that applies one of the person's saved filters, a
 * "Save filter" button while filters are on (naming them in a dialog), and deleting the saved
 * filter that is applied. A saved filter is exactly the list's query string, so applying one
 * replaces the URL's parameters with it.
 */
import { useState } from 'react';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog, Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { describeError } from '../../lib/errors.ts';
import { type SavedFilter, useCreateSavedFilter, useDeleteSavedFilter, useSavedFilters } from './api.ts';

interface SavedFiltersProps {
  /** The list's current, non-empty query parameters. */
  current: Readonly<Record<string, string | undefined>>;
  /** Replaces every list parameter with `query`. */
  onApply: (query: Record<string, string>) => void;
}

/** The defined values only, so `{q: undefined}` and `{}` compare equal. */
function definedEntries(query: Readonly<Record<string, string | undefined>>): [string, string][] {
  return Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
}

/** Whether a saved filter is the one applied now: the same parameters with the same values. */
function sameQuery(a: Readonly<Record<string, string | undefined>>, b: Record<string, string>): boolean {
  const left = definedEntries(a);
  const right = definedEntries(b);
  return left.length === right.length && left.every(([key, value]) => b[key] === value);
}

export function SavedFilters({ current, onApply }: SavedFiltersProps) {
  const filters = useSavedFilters();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  const remove = useDeleteSavedFilter();

  const active = definedEntries(current).length > 0;
  const applied = filters.data?.find((filter) => sameQuery(current, filter.query));

  return (
    <div className="saved-filters">
      {filters.isError ? (
        <p className="field-hint" role="alert">
          Saved filters couldn’t be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void filters.refetch()}>
            Try again
          </button>
        </p>
      ) : filters.data && filters.data.length > 0 ? (
        <SelectField
          label="Saved filters"
          className="saved-filters-select"
          value={applied?.id ?? ''}
          onChange={(event) => {
            const chosen = filters.data.find((filter) => filter.id === event.target.value);
            if (chosen) onApply(chosen.query);
          }}
          options={[
            { value: '', label: 'Choose a saved filter' },
            ...filters.data.map((filter) => ({ value: filter.id, label: filter.name })),
          ]}
        />
      ) : null}
      <div className="saved-filters-actions">
        {active && !applied ? (
          <Button size="s" icon="plus" onClick={() => setSaving(true)}>
            Save filter
          </Button>
        ) : null}
        {applied ? (
          <Button size="s" variant="ghost" icon="x" onClick={() => setDeleting(applied)}>
            Delete “{applied.name}”
          </Button>
        ) : null}
      </div>

      <SaveFilterDialog
        open={saving}
        onClose={() => setSaving(false)}
        query={Object.fromEntries(definedEntries(current))}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
        title="Delete this saved filter?"
        confirmLabel="Delete filter"
        danger
        pending={remove.isPending}
        error={remove.isError ? describeError(remove.error) : null}
      >
        <p>
          “{deleting?.name}” will be removed from your saved filters. The tickets it shows are not affected.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function SaveFilterDialog({
  open,
  onClose,
  query,
}: {
  open: boolean;
  onClose: () => void;
  query: Record<string, string>;
}) {
  const [name, setName] = useState('');
  const create = useCreateSavedFilter();
  const close = () => {
    setName('');
    create.reset();
    onClose();
  };
  const nameError = create.isError && create.error ? describeError(create.error) : null;

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Save this filter"
      description="Give the current filters a name to bring them back with one choice."
      size="s"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), query }, { onSuccess: close });
        }}
      >
        <DialogBody>
          <TextField
            label="Name"
            value={name}
            maxLength={60}
            required
            autoComplete="off"
            placeholder="e.g. My open work"
            onChange={(event) => setName(event.target.value)}
          />
          <FormError message={nameError} />
        </DialogBody>
        <DialogFooter>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" pending={create.isPending} disabled={name.trim() === ''}>
            Save filter
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
