import { useEffect, useRef, useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { HoursForm, SpecialistForm, type ContactView, type FormWords, type HelpActions, type TemplateItem } from '../generated/shared_types';
import { ChoiceField, Form, Section, TextArea, TextField } from '../ui/fields';
import { SaveOrCancel } from '../ui/ItemActions';
import { useSubmit } from '../ui/submit';
import { SharedList } from '../ui/Sharing';
import { SecureMessages } from './SecureMessages';

/**
 * Contact my peer, list first: the peer with the way they prefer first, the
 * quick messages, the crisis line, secure messages; the peer's details are a
 * form only when "Edit" on the peer opens it (in place, like a goal's). With
 * no peer yet, adding one is the first thing on the screen.
 */
export function ContactScreen({ view, words, help }: { view: ContactView; words: FormWords; help: HelpActions }) {
  const reach = view.reach;
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      {reach.add_peer_heading !== null ? (
        <>
          <Section title={reach.add_peer_heading}>
            {reach.add_peer_intro && <p>{reach.add_peer_intro}</p>}
            <SpecialistEditor view={view} words={words} />
          </Section>
          <BigLinks links={reach.crisis} />
        </>
      ) : (
        <>
          {view.outside_hours_message && (
            <div className="notice">
              <p>{view.outside_hours_message}</p>
              <a className="button" href={help.crisis_call_url}>
                {help.crisis_label}
              </a>
            </div>
          )}
          <Peer view={view} words={words} />
          <QuickMessages view={view} words={words} />
          <BigLinks links={reach.crisis} />
        </>
      )}
      <SecureMessages view={view.messages} />
      <SharedList />
    </main>
  );
}

/** The peer as an item: how to reach them, and "Edit" opening their details' form in its place. */
function Peer({ view, words }: { view: ContactView; words: FormWords }) {
  const [editing, setEditing] = useState(false);
  const toggled = useRef(false);
  const card = useRef<HTMLDivElement>(null);
  const specialist = view.specialist;
  const reach = view.reach;
  // Focus follows a tap: into the form when it opens, back to "Edit" when it folds.
  useEffect(() => {
    if (toggled.current) card.current?.querySelector<HTMLElement>(editing ? 'input' : 'button.edit-peer')?.focus();
  }, [editing]);
  const edit = (open: boolean) => {
    toggled.current = true;
    setEditing(open);
  };
  if (!specialist) return null;
  if (editing) {
    return (
      <div ref={card}>
        <SpecialistEditor view={view} words={words} onDone={() => edit(false)} />
      </div>
    );
  }
  return (
    <div ref={card} className="card">
      <p>
        <strong>{specialist.name}</strong>
        {specialist.organization && ` · ${specialist.organization}`}
      </p>
      {view.preferred_label && <p>{view.preferred_label}</p>}
      {view.hours.length > 0 && (
        <ul>
          {view.hours.map((hours) => (
            <li key={hours}>{hours}</li>
          ))}
        </ul>
      )}
      {reach.primary && <BigLinks links={[reach.primary]} />}
      <div className="row">
        {reach.others.map((link) => (
          <a key={link.url} className="button" href={link.url}>
            {link.label}
          </a>
        ))}
        <button type="button" className="quiet edit-peer" aria-label={`${words.edit}: ${words.specialist}`} onClick={() => edit(true)}>
          {words.edit}
        </button>
      </div>
    </div>
  );
}

function BigLinks({ links }: { links: { label: string; url: string }[] }) {
  return (
    <ul className="plain big-actions">
      {links.map((link) => (
        <li key={link.url}>
          <a className="big-action" href={link.url}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Quick messages as large buttons; "Remove" only in edit mode, and every removal can be undone. */
function QuickMessages({ view, words }: { view: ContactView; words: FormWords }) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const reach = view.reach;
  const [text, setText] = useState('');
  const [editing, setEditing] = useState(false);
  const [removed, setRemoved] = useState<TemplateItem | null>(null);
  function remove(template: TemplateItem) {
    setRemoved(template);
    dispatch({
      kind: 'Contact',
      value:
        template.id === null
          ? { kind: 'DismissStarterTemplate', value: template.starter ?? '' }
          : { kind: 'RemoveTemplate', value: template.id },
    });
  }
  function undo(template: TemplateItem) {
    setRemoved(null);
    dispatch({
      kind: 'Contact',
      value:
        template.starter !== null
          ? { kind: 'RestoreStarterTemplate', value: template.starter }
          : { kind: 'SaveTemplate', id: null, text: template.text },
    });
  }
  return (
    <Section title={view.templates_heading}>
      <ul className="plain big-actions">
        {view.templates.map((template) => (
          <li key={template.id === null ? template.starter : String(template.id)} className="row" data-item={template.id === null ? undefined : String(template.id)}>
            {template.text_url ? (
              <a className="big-action" href={template.text_url}>
                {view.text_label}: {template.text}
              </a>
            ) : (
              <span>{template.text}</span>
            )}
            {editing && (
              <button type="button" className="quiet" aria-label={`${words.remove}: ${template.text}`} onClick={() => remove(template)}>
                {words.remove}
              </button>
            )}
          </li>
        ))}
      </ul>
      {removed && (
        <div className="row">
          <p>
            {reach.removed_label} {removed.text}
          </p>
          <button type="button" onClick={() => undo(removed)}>
            {reach.undo_label}
          </button>
        </div>
      )}
      <button type="button" className="quiet" aria-pressed={editing} onClick={() => setEditing(!editing)}>
        {editing ? reach.done_editing_label : reach.edit_messages_label}
      </button>
      {editing && (
        <Form
          name={view.templates_heading}
          onSubmit={() => submit({ kind: 'Contact', value: { kind: 'SaveTemplate', id: null, text } }, () => setText(''))}
        >
          <TextArea label={view.templates_heading} value={text} onChange={setText} />
          <button type="submit">{words.add}</button>
        </Form>
      )}
    </Section>
  );
}

/** The peer's details; `onDone` (when editing a saved peer) folds it after a save the core accepts, or on Cancel. */
function SpecialistEditor({ view, words, onDone }: { view: ContactView; words: FormWords; onDone?: () => void }) {
  const submit = useSubmit();
  const saved = view.specialist;
  const [name, setName] = useState(saved?.name ?? '');
  const [organization, setOrganization] = useState(saved?.organization ?? '');
  const [phone, setPhone] = useState(saved?.phone ?? '');
  const [email, setEmail] = useState(saved?.email ?? '');
  const [preferred, setPreferred] = useState(
    Math.max(0, words.contact_ways.findIndex((way) => way.value.kind === saved?.preferred.kind)),
  );
  const [hours, setHours] = useState<HoursForm[]>(saved?.hours ?? []);
  const dayIndex = (form: HoursForm) => Math.max(0, words.days.findIndex((day) => day.value.kind === form.weekday.kind));
  const update = (index: number, form: HoursForm) => setHours(hours.map((h, i) => (i === index ? form : h)));

  return (
    <Section title={words.specialist}>
      <Form
        name={words.specialist}
        onSubmit={() =>
          submit(
            {
              kind: 'Contact',
              value: {
                kind: 'SetSpecialist',
                value: new SpecialistForm(name, organization, phone, email, hours, words.contact_ways[preferred].value),
              },
            },
            onDone,
          )
        }
      >
        <TextField label={words.name} value={name} onChange={setName} field="specialist-name" />
        <TextField label={words.organization} value={organization} onChange={setOrganization} />
        <TextField label={words.phone} type="tel" value={phone} onChange={setPhone} />
        <TextField label={words.email} type="email" value={email} onChange={setEmail} />
        <ChoiceField label={words.preferred_way} choices={words.contact_ways} selected={preferred} onChange={setPreferred} />
        <fieldset>
          <legend>{words.hours}</legend>
          {hours.map((form, index) => (
            <div className="row" key={index}>
              <ChoiceField
                label={words.day}
                choices={words.days}
                selected={dayIndex(form)}
                onChange={(day) => update(index, new HoursForm(words.days[day].value, form.start, form.end))}
              />
              <TextField label={words.from} type="time" value={form.start} onChange={(start) => update(index, new HoursForm(form.weekday, start, form.end))} />
              <TextField label={words.until} type="time" value={form.end} onChange={(end) => update(index, new HoursForm(form.weekday, form.start, end))} />
              <button type="button" className="quiet" onClick={() => setHours(hours.filter((_, i) => i !== index))}>
                {words.remove}
              </button>
            </div>
          ))}
          <button type="button" className="quiet" onClick={() => setHours([...hours, new HoursForm(words.days[0].value, '09:00', '17:00')])}>
            {words.add_hours}
          </button>
        </fieldset>
        {onDone ? (
          <SaveOrCancel words={words} label={view.set_specialist_label} onCancel={onDone} />
        ) : (
          <button type="submit">{view.set_specialist_label}</button>
        )}
      </Form>
    </Section>
  );
}
