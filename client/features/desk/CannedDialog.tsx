/** Creating or editing a canned response: title, text with placeholders, and (new, admins) shared or mine. */
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { Checkbox, TextAreaField, TextField } from '../../components/Field.tsx';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { useSaveCanned } from './api.ts';
import type { CannedResponse } from './types.ts';

/** The placeholders the server fills in (docs/API.md "Canned responses"). */
export const PLACEHOLDER_HELP: { name: string; meaning: string }[] = [
  { name: '{{client.name}}', meaning: 'the requester’s full name' },
  { name: '{{client.firstName}}', meaning: 'the requester’s first name' },
  { name: '{{org.name}}', meaning: 'the client organisation' },
  { name: '{{ticket.key}}', meaning: 'the ticket’s number, e.g. ACME-1042' },
  { name: '{{ticket.subject}}', meaning: 'the ticket’s subject' },
  { name: '{{agent.name}}', meaning: 'your name' },
  { name: '{{portal.name}}', meaning: 'the portal’s name as the client sees it' },
];

interface CannedDialogProps {
  open: boolean;
  onClose: () => void;
  /** The response to edit; absent to create one. */
  canned?: CannedResponse;
  /** Whether the caller may share a new response with the whole desk. */
  canShare: boolean;
  onSaved: (canned: CannedResponse) => void;
}

export function CannedDialog(props: CannedDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={props.canned ? 'Edit canned response' : 'New canned response'}
      size="l"
    >
      <CannedForm {...props} />
    </Dialog>
  );
}

function CannedForm({ onClose, canned, canShare, onSaved }: CannedDialogProps) {
  const [title, setTitle] = useState(canned?.title ?? '');
  const [body, setBody] = useState(canned?.body ?? '');
  const [shared, setShared] = useState(false);
  const save = useSaveCanned(canned?.id ?? null);
  const errors = fieldErrors(save.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    save.mutate(
      { title: title.trim(), body, shared },
      {
        onSuccess: ({ cannedResponse }) => {
          onSaved(cannedResponse);
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <DialogBody>
        <TextField
          label="Title"
          required
          maxLength={120}
          value={title}
          error={errors.title}
          hint="What you search for in the reply composer."
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          label="Text"
          required
          rows={6}
          maxLength={10_000}
          value={body}
          error={errors.body}
          onChange={(event) => setBody(event.target.value)}
        />
        <details className="desk-placeholders">
          <summary>Placeholders you can use</summary>
          <dl>
            {PLACEHOLDER_HELP.map((p) => (
              <div key={p.name}>
                <dt className="mono">{p.name}</dt>
                <dd>{p.meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="field-hint">Anything else in double braces is left as you typed it.</p>
        </details>
        {canned ? (
          <p className="subtle">
            {canned.shared ? 'Shared with your desk.' : 'Only you can see this response.'}
          </p>
        ) : canShare ? (
          <Checkbox
            label="Share with the whole desk"
            hint="Everyone on your desk can use it; only desk admins can change it."
            checked={shared}
            onChange={(event) => setShared(event.target.checked)}
          />
        ) : null}
        <FormError message={save.error ? describeError(save.error) : null} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" pending={save.isPending}>
          {canned ? 'Save' : 'Create'}
        </Button>
      </DialogFooter>
    </form>
  );
}
