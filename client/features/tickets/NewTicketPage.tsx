/**
 * Opening a ticket. Clients file for their own organisation; the provider's team and partners pick
 * the client organisation they file for. The description is plain text that seeds the ticket's
 * rich-text document, which everyone then edits live on the ticket page. Files picked here are
 * sent once the ticket exists; a file that fails never loses the ticket — the page moves on and
 * the ticket's page shows the failure with a retry.
 */
import '../../styles/tickets.css';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import {
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  type TicketCategory,
  type TicketPriority,
} from '../../lib/types.ts';
import { useClientOrgs, useCreateTicket } from './api.ts';
import { handOffFailedUploads } from './attachments/handoff.ts';
import { NewTicketFiles, sendNewTicketFiles } from './attachments/NewTicketFiles.tsx';
import { useUploads } from './attachments/useUploads.ts';
import { audienceOf, categoryLabel, priorityLabel } from './words.ts';

const PRIORITY_HINTS: Record<TicketPriority, string> = {
  low: 'Low: a question or small issue, no rush.',
  medium: 'Medium: something is harder than it should be.',
  high: 'High: important work is blocked.',
  critical: 'Critical: a service is down for everyone.',
};

const SUBJECT_MAX = 200;

export default function NewTicketPage() {
  const me = useMe();
  const navigate = useNavigate();
  const toast = useToast();
  // Who files for whom is structure (a client belongs to one organisation), not a permission;
  // the server still decides whether the chosen organisation is allowed.
  const forClient = audienceOf(me.user.role) === 'staff';
  const orgs = useClientOrgs(forClient);
  const create = useCreateTicket();

  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<TicketCategory>('technical_support');
  const [priority, setPriority] = useState<TicketPriority>('medium');
  const [description, setDescription] = useState('');
  const [orgId, setOrgId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const uploads = useUploads();
  const [sendingFiles, setSendingFiles] = useState(false);
  const serverErrors = fieldErrors(create.error);
  const fieldError = (name: string) => errors[name] ?? serverErrors[name];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending || sendingFiles) return;
    const found: Record<string, string> = {};
    if (subject.trim() === '') found.subject = 'Give the ticket a short subject.';
    if (forClient && orgId === '') found.orgId = 'Choose the organisation this ticket is for.';
    if (uploads.items.some((item) => item.status === 'invalid')) {
      found.files = 'Remove the files that can’t be attached.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Take the person to the first problem, as a screen reader would expect.
      const first = event.currentTarget.querySelector<HTMLElement>(
        found.subject
          ? '[name="subject"]'
          : found.orgId
            ? '[name="orgId"]'
            : '.new-ticket-files .upload-invalid button',
      );
      first?.focus();
      return;
    }
    create.mutate(
      {
        subject: subject.trim(),
        category,
        priority,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(forClient ? { orgId } : {}),
      },
      {
        onSuccess: async ({ ticket }) => {
          setSendingFiles(true);
          const failed = await sendNewTicketFiles(uploads, ticket.id);
          handOffFailedUploads(ticket.id, failed);
          toast(
            failed.length > 0
              ? `Ticket ${ticket.key} opened; ${failed.length === 1 ? 'a file was' : `${failed.length} files were`} not attached`
              : `Ticket ${ticket.key} opened`,
            failed.length > 0 ? 'info' : 'success',
          );
          navigate(`/tickets/${ticket.id}`);
        },
      },
    );
  };

  // The files problem lasts only while an unattachable file is still in the list.
  const filesProblem = errors.files && uploads.items.some((item) => item.status === 'invalid');
  const summary = Object.keys(errors).some((key) => key !== 'files')
    ? 'Some fields need attention.'
    : filesProblem
      ? errors.files
      : create.error
        ? describeError(create.error)
        : null;

  return (
    <>
      <PageHeader
        title="New ticket"
        back={{ to: '/tickets', label: 'Tickets' }}
        description={
          forClient
            ? 'File a ticket on a client’s behalf. They’ll see it and can reply.'
            : 'Tell us what you need. You can add detail and follow the conversation on the ticket.'
        }
      />
      <form className="card card-padded narrow stack" onSubmit={submit} noValidate>
        {forClient ? (
          <SelectField
            label="Organisation"
            name="orgId"
            value={orgId}
            error={fieldError('orgId')}
            hint={orgs.isError ? 'The organisations couldn’t be loaded. Reload to try again.' : undefined}
            disabled={orgs.isPending}
            onChange={(event) => setOrgId(event.target.value)}
            options={[
              { value: '', label: orgs.isPending ? 'Loading…' : 'Choose an organisation' },
              ...(orgs.data ?? []).map((org) => ({ value: org.id, label: org.name })),
            ]}
          />
        ) : null}
        <TextField
          label="Subject"
          name="subject"
          maxLength={SUBJECT_MAX}
          autoComplete="off"
          placeholder="e.g. Invoices page shows an error"
          value={subject}
          error={fieldError('subject')}
          onChange={(event) => setSubject(event.target.value)}
        />
        <div className="field-pair">
          <SelectField
            label="Category"
            name="category"
            value={category}
            error={fieldError('category')}
            onChange={(event) => setCategory(event.target.value as TicketCategory)}
            options={TICKET_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) }))}
          />
          <SelectField
            label="Priority"
            name="priority"
            value={priority}
            error={fieldError('priority')}
            hint={PRIORITY_HINTS[priority]}
            onChange={(event) => setPriority(event.target.value as TicketPriority)}
            options={TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) }))}
          />
        </div>
        <TextAreaField
          label="Description"
          name="description"
          optional
          rows={6}
          hint="What happened, what you expected, and any steps to see it. You can format it after opening the ticket."
          value={description}
          error={fieldError('description')}
          onChange={(event) => setDescription(event.target.value)}
        />
        <NewTicketFiles
          uploads={uploads}
          chooseVisibility={forClient}
          busy={create.isPending || sendingFiles}
        />
        <FormError message={summary} />
        <div className="row">
          <Button type="submit" variant="primary" pending={create.isPending || sendingFiles}>
            {sendingFiles ? 'Attaching files…' : 'Open ticket'}
          </Button>
          <ButtonLink to="/tickets" variant="ghost">
            Cancel
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
