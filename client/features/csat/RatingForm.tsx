/**
 * Five ratings as a native radio group (arrow keys move, Space selects), drawn as buttons, with
 * an optional comment and Submit. Shared by the emailed-link page and the ticket page's card.
 */
import '../../styles/sla-csat.css';
import { type FormEvent, useId, useState } from 'react';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import type { CsatInput } from './api.ts';

export const RATING_WORDS = ['Very poor', 'Poor', 'OK', 'Good', 'Excellent'] as const;
const COMMENT_MAX = 2000;

export function RatingForm({
  onSubmit,
  pending,
  error,
  block = false,
}: {
  onSubmit: (input: CsatInput) => void;
  pending: boolean;
  error: string | null;
  block?: boolean;
}) {
  const name = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setMissing(true);
      return;
    }
    onSubmit({ rating, comment: comment.trim() });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormError message={missing && rating === null ? 'Choose a rating from 1 to 5.' : error} />
      <fieldset className="csat-scale">
        <legend className="field-label">Your rating</legend>
        <div className="csat-options">
          {RATING_WORDS.map((word, index) => {
            const value = index + 1;
            const id = `${name}-${value}`;
            return (
              <span key={value} className="csat-option">
                <input
                  id={id}
                  type="radio"
                  name={name}
                  value={value}
                  checked={rating === value}
                  onChange={() => setRating(value)}
                />
                <label htmlFor={id}>
                  <span className="csat-number">{value}</span>
                  <span className="csat-word">{word}</span>
                </label>
              </span>
            );
          })}
        </div>
      </fieldset>
      <TextAreaField
        label="Anything to add?"
        optional
        rows={3}
        maxLength={COMMENT_MAX}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        hint={`${COMMENT_MAX - comment.length} characters left`}
      />
      <div className="row">
        <Button type="submit" variant="primary" pending={pending} block={block} size={block ? 'l' : 'm'}>
          Submit rating
        </Button>
      </div>
    </form>
  );
}

/** A given rating in words: "4 of 5 · Good". */
export function ratingLabel(rating: number): string {
  return `${rating} of 5 · ${RATING_WORDS[rating - 1] ?? ''}`;
}
