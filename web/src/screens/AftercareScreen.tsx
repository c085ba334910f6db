import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import {
  AftercarePlan,
  AppointmentForm,
  Document,
  MeetingForm,
  Referral,
  SupportContact,
  type AftercareEvent,
  type AftercareView,
  type AppointmentItem,
  type DocumentItem,
  type DocumentStatus,
  type FormWords,
} from '../generated/shared_types';
import { AddForm } from '../ui/AddForm';
import { CheckField, ChoiceField, Form, Section, TextArea, TextField, lines } from '../ui/fields';
import { SaveOrCancel } from '../ui/ItemActions';
import { SharePlan } from '../ui/Sharing';
import { useSubmit } from '../ui/submit';

export function AftercareScreen({ view, words }: { view: AftercareView; words: FormWords }) {
  const dispatch = useDispatch();
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <SharePlan />
      <div className="row">
        <button type="button" onClick={() => dispatch({ kind: 'ExportPlan' })}>
          {view.export_document_label}
        </button>
        <button type="button" onClick={() => dispatch({ kind: 'ExportCalendar' })}>
          {view.export_calendar_label}
        </button>
      </div>
      <Contacts view={view} words={words} />
      <Referrals view={view} words={words} />
      <Documents view={view} words={words} />
      <Appointments view={view} words={words} />
      <Meetings view={view} words={words} />
      <Plan view={view} words={words} />
    </main>
  );
}

function useAftercare(): (event: AftercareEvent) => void {
  const dispatch = useDispatch();
  return (value) => dispatch({ kind: 'Aftercare', value });
}

/** Saves a form; it is cleared only once the core accepts it. */
function useSave(): (event: AftercareEvent, onSaved: () => void) => void {
  const submit = useSubmit();
  return (value, onSaved) => submit({ kind: 'Aftercare', value }, onSaved);
}

function RemoveButton({ id, name, words }: { id: bigint; name: string; words: FormWords }) {
  const aftercare = useAftercare();
  return (
    <button type="button" className="quiet" aria-label={`${words.remove}: ${name}`} onClick={() => aftercare({ kind: 'Remove', value: id })}>
      {words.remove}
    </button>
  );
}

function Contacts({ view, words }: { view: AftercareView; words: FormWords }) {
  const save = useSave();
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [phone, setPhone] = useState('');
  return (
    <Section title={view.contacts_heading}>
      <ul className="plain">
        {view.contacts.map(({ id, contact, call_url }) => (
          <li key={String(id)} className="row" data-item={String(id)}>
            <span>
              {contact.name} ({contact.relationship}) {call_url ? <a href={call_url}>{contact.phone}</a> : contact.phone}
            </span>
            <RemoveButton id={id} name={contact.name} words={words} />
          </li>
        ))}
      </ul>
      {view.contacts_empty && <p className="empty">{view.contacts_empty}</p>}
      <AddForm label={words.add_contact} startOpen={view.contacts.length === 0}>
        {(close) => (
          <Form
            name={words.add_contact}
            onSubmit={() => {
              save(
                { kind: 'SaveContact', id: null, contact: new SupportContact(name, relationship, phone) },
                () => {
                  setName('');
                  setRelationship('');
                  setPhone('');
                },
              );
            }}
          >
            <TextField label={words.name} value={name} onChange={setName} field="contact-name" />
            <TextField label={words.relationship} value={relationship} onChange={setRelationship} />
            <TextField label={words.phone} type="tel" value={phone} onChange={setPhone} />
            <SaveOrCancel words={words} label={words.add_contact} onCancel={close} />
          </Form>
        )}
      </AddForm>
    </Section>
  );
}

function Referrals({ view, words }: { view: AftercareView; words: FormWords }) {
  const aftercare = useAftercare();
  const save = useSave();
  const [category, setCategory] = useState(0);
  const [organization, setOrganization] = useState('');
  const [contact, setContact] = useState('');
  const [address, setAddress] = useState('');
  const [hours, setHours] = useState('');
  const [status, setStatus] = useState(0);
  const [notes, setNotes] = useState('');
  return (
    <Section title={view.referrals_heading}>
      <ul className="plain">
        {view.referrals.map((item) => (
          <li key={String(item.id)} className="card" data-item={String(item.id)}>
            <strong>{item.organization}</strong> · {item.category_label} · {item.status_label}
            {item.contact && <div>{item.call_url ? <a href={item.call_url}>{item.contact}</a> : item.contact}</div>}
            {item.address && <div>{item.address}</div>}
            {item.hours && <div>{item.hours}</div>}
            {item.notes && <div>{item.notes}</div>}
            <ChoiceField
              label={`${words.status}: ${item.organization}`}
              choices={view.referral_statuses}
              selected={view.referral_statuses.findIndex((choice) => choice.value.kind === item.status.kind)}
              onChange={(index) =>
                aftercare({
                  kind: 'SaveReferral',
                  id: item.id,
                  referral: new Referral(
                    item.category,
                    item.organization,
                    item.contact,
                    item.address,
                    item.hours,
                    view.referral_statuses[index].value,
                    item.notes,
                  ),
                })
              }
            />
            <RemoveButton id={item.id} name={item.organization} words={words} />
          </li>
        ))}
      </ul>
      {view.referrals_empty && <p className="empty">{view.referrals_empty}</p>}
      <AddForm label={words.add_referral} startOpen={view.referrals.length === 0}>
        {(close) => (
          <Form
            name={words.add_referral}
            onSubmit={() => {
              save(
                {
                  kind: 'SaveReferral',
                  id: null,
                  referral: new Referral(
                    view.categories[category].value,
                    organization,
                    contact,
                    address,
                    hours,
                    view.referral_statuses[status].value,
                    notes,
                  ),
                },
                () => {
                  setOrganization('');
                  setContact('');
                  setAddress('');
                  setHours('');
                  setNotes('');
                },
              );
            }}
          >
            <ChoiceField label={words.category} choices={view.categories} selected={category} onChange={setCategory} />
            <TextField label={words.organization} value={organization} onChange={setOrganization} field="referral-organization" />
            <TextField label={words.phone} value={contact} onChange={setContact} />
            <TextField label={words.address} value={address} onChange={setAddress} />
            <TextField label={words.hours} value={hours} onChange={setHours} />
            <ChoiceField label={words.status} choices={view.referral_statuses} selected={status} onChange={setStatus} />
            <TextArea label={words.notes} value={notes} onChange={setNotes} />
            <SaveOrCancel words={words} label={words.add_referral} onCancel={close} />
          </Form>
        )}
      </AddForm>
    </Section>
  );
}

function Documents({ view, words }: { view: AftercareView; words: FormWords }) {
  const aftercare = useAftercare();
  const save = useSave();
  const [kind, setKind] = useState(0);
  const [name, setName] = useState('');
  const [status, setStatus] = useState(0);
  const [first, setFirst] = useState<bigint[]>([]);
  const other = view.document_kinds[kind]?.value.kind === 'Other';
  /** The document saved as it is, with another status or other prerequisites. */
  const resave = (item: DocumentItem, status: DocumentStatus, needsFirst: bigint[]) =>
    aftercare({
      kind: 'SaveDocument',
      id: item.id,
      document: new Document(item.kind, item.kind.kind === 'Other' ? item.name : '', status, needsFirst),
    });
  const toggled = (list: bigint[], id: bigint, on: boolean) => (on ? [...list, id] : list.filter((other) => other !== id));
  return (
    <Section title={view.documents_heading}>
      <ul className="plain">
        {view.documents.map((item) => (
          <li key={String(item.id)} data-item={String(item.id)}>
            <div className="row">
              <span>
                <strong>{item.name}</strong> · {item.status_label}
                {item.waiting_for.length > 0 && ` · ${item.waiting_for.join(', ')}`}
              </span>
              <ChoiceField
                label={`${words.status}: ${item.name}`}
                choices={view.document_statuses}
                selected={view.document_statuses.findIndex((choice) => choice.value.kind === item.status.kind)}
                onChange={(index) => resave(item, view.document_statuses[index].value, item.needs_first)}
              />
              <RemoveButton id={item.id} name={item.name} words={words} />
            </div>
            {view.documents.length > 1 && (
              <fieldset>
                <legend>{`${view.needs_first_label}: ${item.name}`}</legend>
                {view.documents
                  .filter((candidate) => candidate.id !== item.id)
                  .map((candidate) => (
                    <CheckField
                      key={String(candidate.id)}
                      label={candidate.name}
                      checked={item.needs_first.includes(candidate.id)}
                      onChange={(on) => resave(item, item.status, toggled(item.needs_first, candidate.id, on))}
                    />
                  ))}
              </fieldset>
            )}
          </li>
        ))}
      </ul>
      {view.documents_empty && <p className="empty">{view.documents_empty}</p>}
      <AddForm label={words.add_document} startOpen={view.documents.length === 0}>
        {(close) => (
          <Form
            name={words.add_document}
            onSubmit={() => {
              save(
                {
                  kind: 'SaveDocument',
                  id: null,
                  document: new Document(view.document_kinds[kind].value, other ? name : '', view.document_statuses[status].value, first),
                },
                () => {
                  setName('');
                  setFirst([]);
                },
              );
            }}
          >
            <ChoiceField label={words.document} choices={view.document_kinds} selected={kind} onChange={setKind} />
            {other && <TextField label={words.name} value={name} onChange={setName} />}
            <ChoiceField label={words.status} choices={view.document_statuses} selected={status} onChange={setStatus} />
            {view.documents.length > 0 && (
              <fieldset>
                <legend>{view.needs_first_label}</legend>
                {view.documents.map((candidate) => (
                  <CheckField
                    key={String(candidate.id)}
                    label={candidate.name}
                    checked={first.includes(candidate.id)}
                    onChange={(on) => setFirst(toggled(first, candidate.id, on))}
                  />
                ))}
              </fieldset>
            )}
            <SaveOrCancel words={words} label={words.add_document} onCancel={close} />
          </Form>
        )}
      </AddForm>
    </Section>
  );
}

export function AppointmentList({ items, words }: { items: AppointmentItem[]; words?: FormWords }) {
  return (
    <ul className="plain">
      {items.map((item) => (
        <li key={String(item.id)} className="row" data-item={String(item.id)}>
          <span>
            <strong>{item.title}</strong> · {item.at}
            {item.place && ` · ${item.place}`}
          </span>
          {words && <RemoveButton id={item.id} name={item.title} words={words} />}
        </li>
      ))}
    </ul>
  );
}

function Appointments({ view, words }: { view: AftercareView; words: FormWords }) {
  const save = useSave();
  const [title, setTitle] = useState('');
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [remind, setRemind] = useState(String(view.default_remind_minutes));
  return (
    <Section title={view.appointments_heading}>
      <AppointmentList items={view.appointments} words={words} />
      {view.appointments_empty && <p className="empty">{view.appointments_empty}</p>}
      <AddForm label={words.add_appointment} startOpen={view.appointments.length === 0}>
        {(close) => (
          <Form
            name={words.add_appointment}
            onSubmit={() => {
              const minutes = Number.parseInt(remind, 10);
              save(
                {
                  kind: 'SaveAppointment',
                  id: null,
                  appointment: new AppointmentForm(title, at, place, Number.isNaN(minutes) || minutes <= 0 ? null : minutes),
                },
                () => {
                  setTitle('');
                  setAt('');
                  setPlace('');
                },
              );
            }}
          >
            <TextField label={words.title} value={title} onChange={setTitle} field="appointment-title" />
            <TextField label={words.date_time} type="datetime-local" value={at} onChange={setAt} field="appointment-at" />
            <TextField label={words.place} value={place} onChange={setPlace} />
            <TextField label={words.remind_minutes} type="number" value={remind} onChange={setRemind} />
            <SaveOrCancel words={words} label={words.add_appointment} onCancel={close} />
          </Form>
        )}
      </AddForm>
    </Section>
  );
}

function Meetings({ view, words }: { view: AftercareView; words: FormWords }) {
  const save = useSave();
  const [name, setName] = useState('');
  const [day, setDay] = useState(0);
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  return (
    <Section title={view.meetings_heading}>
      <ul className="plain">
        {view.meetings.map((item) => (
          <li key={String(item.id)} className="row" data-item={String(item.id)}>
            <span>
              <strong>{item.name}</strong> · {item.day_and_time}
              {item.place && ` · ${item.place}`}
            </span>
            <RemoveButton id={item.id} name={item.name} words={words} />
          </li>
        ))}
      </ul>
      {view.meetings_empty && <p className="empty">{view.meetings_empty}</p>}
      <AddForm label={words.add_meeting} startOpen={view.meetings.length === 0}>
        {(close) => (
          <Form
            name={words.add_meeting}
            onSubmit={() => {
              save(
                { kind: 'SaveMeeting', id: null, meeting: new MeetingForm(name, words.days[day].value, time, place) },
                () => {
                  setName('');
                  setTime('');
                  setPlace('');
                },
              );
            }}
          >
            <TextField label={words.name} value={name} onChange={setName} field="meeting-name" />
            <ChoiceField label={words.day} choices={words.days} selected={day} onChange={setDay} />
            <TextField label={words.time} type="time" value={time} onChange={setTime} field="meeting-time" />
            <TextField label={words.place} value={place} onChange={setPlace} />
            <SaveOrCancel words={words} label={words.add_meeting} onCancel={close} />
          </Form>
        )}
      </AddForm>
    </Section>
  );
}

function Plan({ view, words }: { view: AftercareView; words: FormWords }) {
  const aftercare = useAftercare();
  const [warningSigns, setWarningSigns] = useState(lines.to(view.plan.warning_signs));
  const [reEngagement, setReEngagement] = useState(lines.to(view.plan.re_engagement));
  return (
    <Form
      name={view.warning_signs_heading}
      onSubmit={() =>
        aftercare({ kind: 'SetPlan', value: new AftercarePlan(lines.from(warningSigns), lines.from(reEngagement)) })
      }
    >
      <TextArea label={view.warning_signs_heading} hint={words.one_per_line} value={warningSigns} onChange={setWarningSigns} />
      <TextArea label={view.re_engagement_heading} hint={words.one_per_line} value={reEngagement} onChange={setReEngagement} />
      <button type="submit">{view.save_label}</button>
    </Form>
  );
}
