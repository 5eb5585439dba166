import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { FormError, TextField, useForm, type FieldErrors } from '../components/forms';

/** "Save this engagement as a playbook": its priorities and milestones become a new playbook, dates as offsets. */
export function SavePlaybookPanel({ engagementId, suggestedName }: { engagementId: string; suggestedName: string }) {
  const [name, setName] = useState(suggestedName);
  const form = useForm(
    () =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/save-as-playbook', {
          params: { path: { id: engagementId } },
          body: { name },
        }),
      ),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!name.trim()) errors.name = 'Name the playbook.';
        return errors;
      },
    },
  );
  return (
    <details className="card">
      <summary>Save as playbook</summary>
      <form className="subform" onSubmit={form.onSubmit} noValidate aria-label="Save as playbook">
        <FormError message={form.formError} />
        <TextField
          label="Playbook name"
          value={name}
          onChange={(e) => (setName(e.target.value), form.edited('name'))}
          error={form.errors.name}
          hint="The milestones' dates become day offsets from each priority's start."
        />
        <button type="submit" disabled={form.busy}>
          Save as playbook
        </button>
        {form.done ? (
          <p role="status">
            Saved: <Link to={`/playbooks/${form.done.id}`}>{form.done.name}</Link>
          </p>
        ) : null}
      </form>
    </details>
  );
}
