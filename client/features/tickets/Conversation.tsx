/**
 * The ticket's conversation: replies (public ones live from the thread document, internal notes
 * from REST in an amber "Internal" style) and the composer — "Reply to client", and for those with
 * `abilities.replyInternal` a second mode, "Internal note". Sticky at the bottom on phones.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMe } from '../../app/me.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { describeError } from '../../lib/errors.ts';
import { formatDateTime, formatRelative, linkify } from '../../lib/format.ts';
import type { Ticket, Visibility } from '../../lib/types.ts';
import { CannedPicker } from '../desk/CannedPicker.tsx';
import { usePostReply } from './api.ts';
import { ReplyFiles } from './attachments/ReplyFiles.tsx';
import type { ConversationEntry } from './conversation.ts';

interface ConversationProps {
  ticket: Ticket;
  entries: ConversationEntry[];
  loading: boolean;
}

export function Conversation({ ticket, entries, loading }: ConversationProps) {
  const me = useMe();
  const announcement = useNewReplyAnnouncement(entries, me.user.id);
  const { abilities } = ticket;
  return (
    <section className="card conversation" aria-labelledby="conversation-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="conversation-title">
            Conversation
          </h2>
          {abilities.replyInternal ? (
            <p className="card-description">Internal notes are marked and never shown to the client.</p>
          ) : null}
        </div>
      </header>
      <div className="card-body">
        {loading && entries.length === 0 ? (
          <div className="stack-s" role="status" aria-busy="true">
            <span className="visually-hidden">Loading the conversation…</span>
            <Skeleton width="70%" />
            <Skeleton width="50%" />
          </div>
        ) : entries.length === 0 ? (
          <EmptyState icon="message" title="No replies yet">
            {abilities.reply ? 'Replies will appear here as they are sent.' : null}
          </EmptyState>
        ) : (
          <ol className="replies">
            {entries.map((entry) => (
              <Reply key={entry.id} entry={entry} isMe={entry.authorId === me.user.id} />
            ))}
          </ol>
        )}
        <div className="visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </div>
      {abilities.reply || abilities.replyInternal ? (
        <Composer ticket={ticket} />
      ) : (
        <p className="composer-closed subtle">
          {ticket.status === 'closed'
            ? 'This ticket is closed, so it can’t take new replies.'
            : 'You can read this conversation but not reply to it.'}
        </p>
      )}
    </section>
  );
}

function Reply({ entry, isMe }: { entry: ConversationEntry; isMe: boolean }) {
  const internal = entry.visibility === 'internal';
  return (
    <li className={internal ? 'reply reply-internal' : 'reply'}>
      <Avatar name={entry.authorName || '?'} size={32} />
      <div className="reply-main">
        <p className="reply-meta">
          <span className="reply-author">{isMe ? `${entry.authorName} (you)` : entry.authorName}</span>
          {internal ? <Badge tone="warning">Internal</Badge> : null}
          <time className="subtle" dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
            {formatRelative(entry.createdAt)}
          </time>
        </p>
        <p className="reply-body">
          {linkify(entry.body).map((part, index) =>
            part.kind === 'link' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text, never reordered
              <a key={index} href={part.value} rel="noopener noreferrer nofollow" target="_blank">
                {part.value}
              </a>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text, never reordered
              <span key={index}>{part.value}</span>
            ),
          )}
        </p>
      </div>
    </li>
  );
}

/** "New reply from Sam", for replies that arrive while the page is open (not one's own). */
function useNewReplyAnnouncement(entries: ConversationEntry[], meId: string): string {
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (seen.current === null) {
      if (entries.length > 0) seen.current = new Set(entries.map((entry) => entry.id));
      return;
    }
    const fresh = entries.filter((entry) => !seen.current?.has(entry.id));
    for (const entry of fresh) seen.current.add(entry.id);
    const fromOthers = fresh.filter((entry) => entry.authorId !== meId);
    const last = fromOthers[fromOthers.length - 1];
    if (last) {
      setMessage(
        last.visibility === 'internal'
          ? `New internal note from ${last.authorName}`
          : `New reply from ${last.authorName}`,
      );
    }
  }, [entries, meId]);
  return message;
}

function Composer({ ticket }: { ticket: Ticket }) {
  const { abilities } = ticket;
  const id = useId();
  const [mode, setMode] = useState<Visibility>(abilities.reply ? 'client' : 'internal');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState('');
  const post = usePostReply(ticket.id);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const internal = mode === 'internal';
  const bothModes = abilities.reply && abilities.replyInternal;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = body.trim();
    if (text === '' || post.isPending) return;
    post.mutate(
      { body: text, visibility: mode },
      {
        onSuccess: () => {
          setBody('');
          setSent(internal ? 'Internal note added' : 'Reply sent');
          textarea.current?.focus();
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl/⌘+Enter sends; Enter alone is a new line (replies are often several paragraphs).
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form className={internal ? 'composer composer-internal' : 'composer'} onSubmit={submit}>
      {bothModes ? (
        <fieldset className="segmented composer-modes">
          <legend className="visually-hidden">Who sees this</legend>
          {(['client', 'internal'] as const).map((option) => (
            <label key={option} className={mode === option ? 'segmented-option active' : 'segmented-option'}>
              <input
                type="radio"
                name={`${id}-mode`}
                value={option}
                checked={mode === option}
                onChange={() => {
                  setMode(option);
                  post.reset();
                }}
              />
              {option === 'client' ? 'Reply to client' : 'Internal note'}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor={`${id}-body`} className={bothModes ? 'visually-hidden' : 'field-label'}>
        {internal ? 'New internal note' : abilities.replyInternal ? 'Reply to the client' : 'Your reply'}
      </label>
      <div className="composer-row">
        <textarea
          ref={textarea}
          id={`${id}-body`}
          className="input textarea composer-input"
          rows={2}
          maxLength={10_000}
          value={body}
          placeholder={
            internal
              ? 'Only your team will see this note'
              : abilities.replyInternal
                ? 'Write to the client'
                : 'Write a reply'
          }
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setBody(event.target.value);
            if (sent) setSent('');
          }}
          onKeyDown={onKeyDown}
        />
        <Button
          type="submit"
          variant="primary"
          icon={internal ? 'pencil' : 'message'}
          pending={post.isPending}
          disabled={body.trim() === ''}
        >
          {internal ? 'Add note' : 'Send'}
        </Button>
      </div>
      {abilities.replyInternal ? (
        <CannedPicker
          ticketId={ticket.id}
          onInsert={(text) => {
            setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text));
            textarea.current?.focus();
          }}
        />
      ) : null}
      <ReplyFiles ticketId={ticket.id} reply={post.data?.reply} />
      <FormError message={post.error ? describeError(post.error) : null} />
      <p id={`${id}-hint`} className="field-hint composer-hint">
        {internal ? <strong>Internal: never shown to the client. </strong> : null}
        <span className="hide-phone">Ctrl+Enter to send.</span>
      </p>
      <span className="visually-hidden" role="status">
        {sent}
      </span>
    </form>
  );
}
