/**
 * "Canned responses" in the staff reply composer: a dialog to search the desk's and one's own
 * responses by title (a combobox: ↑/↓ to move, Enter to insert), which renders the chosen one for
 * this ticket on the server (placeholders filled) and hands the text to the composer.
 */
import '../../styles/desk.css';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog, DialogBody } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { Skeleton, Spinner } from '../../components/Spinner.tsx';
import { describeError } from '../../lib/errors.ts';
import { renderCanned, useCannedResponses } from './api.ts';
import { matchesTitle } from './search.ts';
import type { CannedResponse } from './types.ts';

interface CannedPickerProps {
  ticketId: string;
  /** Receives the rendered text once the dialog has closed (so focus can go to the composer). */
  onInsert: (text: string) => void;
}

export function CannedPicker({ ticketId, onInsert }: CannedPickerProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  // Handed over only once the dialog has closed and put focus back on its opener (a layout
  // effect), so the composer's own focus call wins.
  useEffect(() => {
    if (open || chosen === null) return;
    onInsert(chosen);
    setChosen(null);
  }, [open, chosen, onInsert]);
  return (
    <div className="canned-picker">
      <Button size="s" variant="ghost" icon="copy" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Canned responses
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Insert a canned response">
        <PickerBody
          ticketId={ticketId}
          onChosen={(text) => {
            setChosen(text);
            setOpen(false);
          }}
        />
      </Dialog>
    </div>
  );
}

function PickerBody({ ticketId, onChosen }: { ticketId: string; onChosen: (text: string) => void }) {
  const canned = useCannedResponses();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const listId = useId();
  const matches = useMemo(
    () => (canned.data?.cannedResponses ?? []).filter((c) => matchesTitle(c.title, query)),
    [canned.data, query],
  );
  const current = matches[Math.min(active, matches.length - 1)];
  const optionId = (c: CannedResponse) => `${listId}-${c.id}`;

  const choose = (c: CannedResponse | undefined) => {
    if (!c || pendingId) return;
    setPendingId(c.id);
    setError(null);
    renderCanned(c.id, ticketId)
      .then(({ text }) => onChosen(text))
      .catch((err: unknown) => setError(err))
      .finally(() => setPendingId(null));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (matches.length === 0) return;
    const last = matches.length - 1;
    const index = Math.min(active, last);
    const moves: Record<string, number> = {
      ArrowDown: index === last ? 0 : index + 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
      document
        .getElementById(optionId(matches[next] as CannedResponse))
        ?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <DialogBody>
      <TextField
        label="Search by title"
        type="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        value={query}
        hint="↑ and ↓ to choose, Enter to insert."
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {canned.isPending ? (
        <div className="stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading canned responses…</span>
          <Skeleton width="70%" />
          <Skeleton width="55%" />
        </div>
      ) : canned.isError ? (
        <FormError message={describeError(canned.error)} />
      ) : (
        <>
          <div id={listId} role="listbox" aria-label="Canned responses" className="canned-options">
            {matches.map((c) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the combobox (Enter), as in the ARIA pattern
              <div
                key={c.id}
                id={optionId(c)}
                role="option"
                // Focus stays in the search box (aria-activedescendant); -1 keeps options out of Tab order.
                tabIndex={-1}
                aria-selected={c === current}
                className={c === current ? 'canned-option active' : 'canned-option'}
                onMouseMove={() => setActive(matches.indexOf(c))}
                onClick={() => choose(c)}
              >
                <span className="canned-option-title">
                  {c.title} {c.shared ? <Badge tone="info">Shared</Badge> : null}
                  {pendingId === c.id ? <Spinner size={14} /> : null}
                </span>
                <span className="canned-option-body">{c.body}</span>
              </div>
            ))}
          </div>
          <p className="subtle" aria-live="polite">
            {matches.length === 0
              ? (canned.data?.cannedResponses.length ?? 0) === 0
                ? 'No canned responses yet.'
                : 'No titles match.'
              : `${matches.length} ${matches.length === 1 ? 'response' : 'responses'}`}
          </p>
          {(canned.data?.cannedResponses.length ?? 0) === 0 ? (
            <p>
              <Link to="/desk">Create canned responses in Desk settings</Link>
            </p>
          ) : null}
          <FormError message={error ? describeError(error) : null} />
        </>
      )}
    </DialogBody>
  );
}
