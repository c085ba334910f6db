# Phoenix, English. One source for every shell.
app-title = Phoenix
app-title-discreet = Notes

action-add-goal = Add goal
action-add-step = Add step
action-add-strategy = Add coping strategy
action-add-trigger = Add trigger
action-cancel = Cancel
action-change-passcode = Change passcode
action-check-in = Check in
action-contact-peer = Contact my peer
action-crisis-line = Call or text { $number }
action-enable-biometrics = Use fingerprint or face to unlock
action-erase = Erase everything
action-im-triggered = I'm triggered
action-lock-now = Lock now
action-record-lapse = Record a lapse
action-safety-plan = My safety plan
action-save = Save
action-unlock = Unlock
action-unlock-biometrics = Unlock with fingerprint or face

first-run-heading = Welcome to Phoenix
first-run-intro = Choose a passcode. Everything you write stays on this phone, locked with your passcode.
first-run-passcode-rule = At least { $count } characters.
first-run-no-recovery = If you forget this passcode, no one can open Phoenix for you, not even us. What you wrote cannot be recovered. Once you are in, save an encrypted backup in Settings and keep it somewhere safe.
lock-heading = Enter your passcode
erase-warning = This deletes everything on this device. You cannot undo it.

field-auto-lock = Lock after this many minutes without use
field-craving = { $focus ->
    [mental] Urge or feeling (0 to 10)
    [both] Craving, urge or feeling (0 to 10)
   *[other] Craving (0 to 10)
}
field-crisis-line = Crisis line number
field-discreet = Discreet mode
field-background-check = Check for messages in the background
field-halt = Am I hungry, angry, lonely or tired?
field-language = Language
field-mood = Mood (1 to 5)
field-name = Name
field-note = Note
field-passcode = Passcode
field-passcode-again = Passcode again
field-recovery-date = Recovery date
field-sleep = Hours of sleep
field-target-date = Target date (optional)
field-title = Title
field-used-today = { $focus ->
    [mental] Did you act on an urge today?
    [both] Did you use or act on an urge today?
   *[other] Did you use today?
}
field-why = Why it matters
field-recovery-focus = What is your recovery about?
focus-substance-use = Substance use
focus-mental-health = Mental health
focus-both = Both
field-emergency-number = Emergency number (for an overdose)

language-device = Same as this device

nav-today = Today
nav-goals = Goals
nav-triggers = Triggers and coping
nav-check-in = Check-in
nav-trends = Trends
nav-settings = Settings

today-heading = Today
today-days-in-recovery = { $days ->
    [0] Today is a fresh start
    [one] Current stretch: 1 day
   *[other] Current stretch: { $days } days
}
today-total-days = Total days in recovery: { $days }
today-longest-stretch = { $days ->
    [one] Longest stretch: 1 day
   *[other] Longest stretch: { $days } days
}
today-milestone-reached = Milestone reached: { $milestone }
today-next-milestone = { $days ->
    [one] Next milestone: { $milestone } (1 day to go)
   *[other] Next milestone: { $milestone } ({ $days } days to go)
}
today-steps-due = Goal steps due
today-check-in-prompt = How are you today? Take a minute to check in.

milestone-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
milestone-months = { $count ->
    [one] 1 month
   *[other] { $count } months
}
milestone-years = { $count ->
    [one] 1 year
   *[other] { $count } years
}

goals-heading = Goals
goals-history = Achieved and archived
goals-empty = Goals are what you are working toward, one small step at a time.
goal-progress = { $percent }% of steps done
goal-status-active = Active
goal-status-paused = Paused
goal-status-completed = Completed
goal-status-archived = Archived
dimension-health = Health
dimension-home = Home
dimension-purpose = Purpose
dimension-community = Community

triggers-heading = Triggers and coping
triggers-suggestions = Ideas for your toolbox
triggers-empty = Name what starts a hard moment for you, and keep here what helps you through it.
trigger-kind-people = People
trigger-kind-places = Places
trigger-kind-things = Things
trigger-kind-feelings = Feelings
trigger-kind-times = Times
trigger-kind-warning-sign = Early warning sign
strategy-untried = Not tried yet
strategy-evidence = { $times ->
    [one] { $focus ->
        [mental] Made the feeling { $drop } points weaker (once)
       *[other] Made the craving { $drop } points weaker (once)
    }
   *[other] { $focus ->
        [mental] Made the feeling { $drop } points weaker on average ({ $times } times)
       *[other] Made the craving { $drop } points weaker on average ({ $times } times)
    }
}
starter-call-someone = Call someone
starter-walk = Go for a walk
starter-breathing = Slow breathing
starter-urge-surfing = Ride out the urge, like a wave
starter-play-tape-forward = Think about how it would end
starter-meeting = Go to a meeting
starter-eat-rest = Eat something and rest

triggered-choose = What set it off? Pick a trigger, or ask yourself: am I hungry, angry, lonely or tired?
triggered-rate-before = { $focus ->
    [mental] How strong is this urge or feeling?
    [both] How strong is this craving, urge or feeling?
   *[other] How strong is the craving right now?
}
triggered-cope = { $focus ->
    [mental] These have helped you before. Try one, then rate the feeling again.
    [both] These have helped you before. Try one, then rate it again.
   *[other] These have helped you before. Try one, then rate the craving again.
}
triggered-done = Saved. You got through it.
triggered-still-high = { $focus ->
    [mental] The feeling is still strong. You do not have to do this alone.
    [both] It is still strong. You do not have to do this alone.
   *[other] The craving is still strong. You do not have to do this alone.
}
triggered-reach-out = Reach out to your peer specialist now, or open your safety plan.
halt-hungry = Hungry
halt-angry = Angry
halt-lonely = Lonely
halt-tired = Tired

check-in-heading = Daily check-in
check-in-used-note = { $focus ->
    [mental] There is no wrong answer. Hard days are part of many recoveries.
   *[other] There is no wrong answer. A lapse is part of many recoveries.
}

trends-heading = Trends
trends-weekly = By week
trends-monthly = By month
trends-craving-down = { $focus ->
    [mental] Urge or feeling: down from { $from } to { $to } { $when }
    [both] Craving, urge or feeling: down from { $from } to { $to } { $when }
   *[other] Craving: down from { $from } to { $to } { $when }
}
trends-craving-up = { $focus ->
    [mental] Urge or feeling: up from { $from } to { $to } { $when }
    [both] Craving, urge or feeling: up from { $from } to { $to } { $when }
   *[other] Craving: up from { $from } to { $to } { $when }
}
trends-craving-steady = { $focus ->
    [mental] Urge or feeling: { $to } { $when }
    [both] Craving, urge or feeling: { $to } { $when }
   *[other] Craving: { $to } { $when }
}
trends-in-the-last-days = in the last { $days } days
trends-mood-down = Mood: down from { $from } to { $to } { $when }
trends-mood-up = Mood: up from { $from } to { $to } { $when }
trends-mood-steady = Mood: { $to } { $when }
aftercare-contacts-empty = The people who support your recovery, with their numbers, so you can call them fast.
aftercare-referrals-empty = The services you were sent to, like housing, work or treatment, and where each one stands.
aftercare-documents-empty = The papers you need, like an ID or a birth certificate, and which to get first.
aftercare-appointments-empty = Your appointments, each with a reminder before it.
aftercare-meetings-empty = The support meetings you go to each week, with their day, time and place.

settings-heading = Settings
field-allow-screenshots = Allow screenshots
settings-screenshots-note = When this is off, this app hides its screens from screenshots, screen recordings and the recent apps list.

problem-empty-text = Please fill in the name or title.
problem-unknown-item = That item no longer exists.
problem-out-of-range = That value does not fit here. Please check it.
problem-invalid-date = Please write the date as year-month-day, like 2026-01-31. It cannot be in the future.
problem-passcodes-differ = The two passcodes do not match.
problem-passcode-too-short = Please choose a passcode of at least { $count } characters.
problem-wrong-passcode = That passcode did not work. Try again.
problem-throttled = { $seconds ->
    [one] Too many attempts. Try again in 1 second.
   *[other] Too many attempts. Try again in { $seconds } seconds.
}
problem-erased-after-failures = Everything on this device was erased after too many wrong passcodes, to keep it private. You can start again.
problem-platform-key-unavailable = Fingerprint or face unlock is not available. Use your passcode.
problem-device-key-unavailable = This device's secure key store did not answer. Nothing was changed. Try again.
problem-not-now = That is not available right now.
problem-save-failed = That could not be saved. Nothing you saved before was lost.
problem-storage-full = This device is full. Free up some space. Nothing you saved before was lost.
problem-damaged-records = { $count ->
    [one] 1 entry could not be read and was left untouched.
   *[other] { $count } entries could not be read and were left untouched.
}
problem-newer-version = A newer version of the app saved this data. Please update the app.
problem-link-unopened = This phone has no app to open that. Call or write from another phone: { $address }

action-call = Call
action-call-crisis = Call the crisis line
action-email = Email
action-export-backup = Save a backup copy
action-export-calendar = Add appointments to my calendar
action-export-plan = Share my aftercare plan
action-import-backup = Restore from a backup copy
action-text = Text
action-text-crisis = Text the crisis line
action-export-backup-recovery-key = Save a backup copy with a recovery key instead
recovery-key-hint = Your recovery key: write it down and keep it away from the backup file. It opens this backup instead of a backup password. You will only see it until the app locks.

nav-aftercare = Aftercare plan
nav-safety-plan = Safety plan
nav-contact = Contact my peer

today-barc-prompt = Once a month: how much support does your recovery have? Answer 10 short questions.

aftercare-heading = My aftercare plan
aftercare-contacts = Support contacts
aftercare-referrals = Services and referrals
aftercare-documents = Documents to get
aftercare-appointments = Appointments
aftercare-meetings = Weekly meetings
aftercare-warning-signs = Warning signs
aftercare-re-engagement = If I start slipping, I will

service-counseling = Counseling
service-mental-health = Mental health services
service-food-bank = Food bank
service-emergency-housing = Emergency housing
service-recovery-residence = Recovery housing
service-support-group = Support group
service-treatment-provider = Treatment provider
service-health-care = Health care
service-employment = Employment
service-legal = Legal help

referral-to-contact = To contact
referral-contacted = Contacted
referral-waitlisted = Waitlisted
referral-enrolled = Enrolled
referral-done = Done

document-social-security = Social security card
document-birth-certificate = Birth certificate
document-state-id = Driver's license or state ID
document-other = Other document
document-needed = Needed
document-requested = Requested
document-received = Received
document-needs-first = get first

weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-readable = { $month } { $day }, { $year }
date-time-readable = { $date }, { $time }

safety-heading = My safety plan
safety-warning-signs = 1. Warning signs that a crisis may be starting
safety-internal-coping = 2. Things I can do on my own to take my mind off it
safety-distractions = 3. People and places that help me get my mind off it
safety-people-to-ask = 4. People I can ask for help
safety-professionals = 5. Professionals and agencies I can contact
safety-environment = 6. Making my surroundings safe
safety-reasons = Reasons for living

contact-heading = Contact my peer
contact-templates = Quick messages
contact-outside-hours = Your peer specialist may not answer right now. If you are in crisis, call or text the crisis line.
contact-prefers-call = Prefers a call
contact-prefers-text = Prefers a text
contact-prefers-email = Prefers email
template-call-me = Can you call me?
template-cravings = { $focus ->
    [mental] I'm having a hard time right now.
    [both] I'm struggling with cravings or hard feelings.
   *[other] I'm struggling with cravings.
}
template-good-news = I have good news to share!

field-backup-passphrase = Backup password

reminder-discreet-title = Reminder
reminder-discreet-body = You have a reminder.
background-discreet-title = Something new
background-discreet-body = Open the app to see it.
background-message-title = New message
background-message-body = You have a new message from your peer specialist.

barc-heading = What supports your recovery (BARC-10)
barc-item-1 = There are more important things to me in life than using substances.
barc-item-2 = In general I am happy with my life.
barc-item-3 = I have enough energy to complete the tasks I set myself.
barc-item-4 = I am proud of the community I live in and feel part of it.
barc-item-5 = I get lots of support from friends.
barc-item-6 = I regard my life as challenging and fulfilling without the need for using drugs or alcohol.
barc-item-7 = My living space has helped to drive my recovery journey.
barc-item-8 = I take full responsibility for my actions.
barc-item-9 = I am happy dealing with a range of professional people.
barc-item-10 = I am making good progress on my recovery journey.
barc-scale-1 = Strongly disagree
barc-scale-2 = Disagree
barc-scale-3 = Somewhat disagree
barc-scale-4 = Somewhat agree
barc-scale-5 = Agree
barc-scale-6 = Strongly agree
barc-score = Last score: { $score } out of 60. The Spanish questions are our own translation, not a tested version.

action-keep = Keep
action-dismiss = Not for me

field-organization = Organization
field-relationship = Relationship
field-phone = Phone
field-email = Email
field-address = Address
field-hours = Hours
field-notes = Notes
field-status = Status
field-category = Type of service
field-document = Document
field-place = Place
field-date-time = Date and time
field-day = Day
field-time = Time
field-from = From
field-until = Until
field-remind-minutes = Remind me this many minutes before
field-kind = Kind
field-step = Step
field-due = Due date (optional)
field-helps-with = Helps with
field-lapse-date = Date of the lapse
field-lapse-context = What happened (optional)
field-current-passcode = Current passcode
field-new-passcode = New passcode
field-backup-file = Backup file
field-preferred-way = Best way to reach them
contact-specialist = My peer specialist
contact-way-call = A call
contact-way-text = A text
contact-way-email = An email
action-add = Add
action-add-contact = Add contact
action-add-referral = Add referral
action-add-document = Add document
action-add-appointment = Add appointment
action-add-meeting = Add meeting
action-add-hours = Add hours
action-remove = Remove
action-mark-done = Done
action-allow-reminders = Allow reminders on this device
action-allow-message-notifications = Notify me of new messages
answer-yes = Yes
answer-no = No
answer-prefer-not-to-say = Prefer not to say
trends-empty = Trends show how your check-ins change week by week, from the first one.
nav-label = Main
nav-more = More
action-next = Continue
action-erase-confirm = Yes, erase everything
hint-one-per-line = One per line.
hint-mood-scale = 1 is very low, 5 is very good.
hint-craving-scale = 0 is none, 10 is the strongest.
hint-date-format = Year-month-day, like 2026-01-31.
hint-date-time-format = Year-month-day and time, like 2026-01-31 14:30.
action-close = Close
field-dimension = Area of life
field-new-passcode-again = New passcode again

## Secure messages
messages-heading = Secure messages
messages-intro = Messages with your peer specialist. Only you and your specialist can read them. This is not for emergencies: if you need help now, call or text { $number }.
messages-paired-with = Paired with { $name }
messages-verification-code = Safety code: { $code }. Read it to { $name } by phone or in person: if their inbox shows the same digits, nobody in between can read your messages.
messages-pair-again-restored = This phone was restored from a backup. Backups never hold the keys to your secure messages, so ask { $name } for a new invite code and pair again.
messages-pair-again-upgraded = Secure messages now use stronger protection. Ask { $name } for a new invite code and pair again to keep writing to each other.
messages-key-changed = { $name }'s security key changed since your last conversation. This can happen when they set up their inbox again, but it can also mean someone is in between. Sending is paused. Call { $name } or meet in person and compare the safety code below. Confirm only if it matches.
messages-empty = No messages yet.
messages-waiting = { $count ->
    [one] 1 message is waiting to be sent.
   *[other] { $count } messages are waiting to be sent.
}
messages-waiting-offline = { $count ->
    [one] 1 message will be sent when you are back online.
   *[other] { $count } messages will be sent when you are back online.
}
messages-dropped = { $count ->
    [one] 1 message could not be opened, and was not shown.
   *[other] { $count } messages could not be opened, and were not shown.
}
messages-unpair-warning = Unpairing removes this conversation from this phone. Your peer specialist keeps their copy.
message-queued = Waiting to send
message-sent = Sent
message-delivered = Delivered
message-read = Read
message-not-sent = Not sent
message-missing = { $count ->
    [one] A message did not arrive.
   *[other] { $count } messages did not arrive.
}
field-relay = Message server address
field-invite = Invite code
field-shared-name = Name to share with your peer specialist
field-message = Message
action-pair = Pair
action-send = Send
action-unpair = Unpair
action-confirm-key = The safety codes match
problem-relay-address = Please enter the message server address your peer specialist gave you. It starts with https://.
problem-relay-unreachable = Could not reach the message server. Your messages are kept and will be sent later.
problem-relay-refused = The message server did not accept that. Please try again later.
problem-invite-unknown = That invite code was not found. Please check it with your peer specialist.
problem-invite-expired = That invite code has expired or was already used. Ask your peer specialist for a new one.
problem-invite-incomplete = Please type the whole invite your peer specialist shows you: the code and the key fingerprint after it.
problem-specialist-key-mismatch = The keys the message server sent do not match your peer specialist's invite, so this phone did not pair. Please tell your peer specialist. Do not send anything through this server until it is fixed.
problem-already-paired = This phone is already paired. Unpair it first.
problem-specialist-not-ready = Your peer specialist has not opened their inbox yet. Please try again later.
problem-not-paired = Pair with your peer specialist first.
problem-specialist-key-changed = Sending is paused because your peer specialist's security key changed. Compare the safety code with them by phone or in person first.
problem-passcode-too-common = That passcode is one of the first anyone would try. Choose a few words only you would put together.

# I'm triggered: people in one tap, honest results
action-call-peer = Call { $name }
action-text-peer = Text { $name }
action-call-crisis-number = Call the crisis line ({ $number })
action-text-crisis-number = Text the crisis line ({ $number })
action-call-lifeline = Call the crisis line ({ $number })
action-text-lifeline = Text the crisis line ({ $number })
crisis-text-body = { "" }
triggered-unsafe = Your peer specialist may not answer right now. If you feel unsafe or might hurt yourself, call or text { $number } now.
overdose-help = If someone may have overdosed, call { $number } and use naloxone (Narcan) if you have it.
action-call-emergency = Call { $number }
action-try-another = Try another strategy
triggered-cope-untried = { $focus ->
    [mental] Pick something to try, then rate the feeling again.
    [both] Pick something to try, then rate it again.
   *[other] Pick something to try, then rate the craving again.
}
triggered-cope-ideas = { $focus ->
    [mental] Here are some ideas to try right now, or reach out to someone. Then rate the feeling again.
    [both] Here are some ideas to try right now, or reach out to someone. Then rate it again.
   *[other] Here are some ideas to try right now, or reach out to someone. Then rate the craving again.
}
triggered-ideas = Ideas to try
triggered-done-steady = { $focus ->
    [mental] Saved. Urges and feelings rise and fall, and this one will pass. You can try something else or reach out at any time.
    [both] Saved. Cravings and feelings rise and fall, and this one will pass. You can try something else or reach out at any time.
   *[other] Saved. Cravings rise and fall, and this one will pass. You can try something else or reach out at any time.
}
check-in-offer-triggered = { $focus ->
    [mental] That is a strong urge or feeling. Want to work through it now?
    [both] That is strong. Want to work through it now?
   *[other] That's a strong craving. Want to work through it now?
}

# After a lapse, and every save
lapse-kind-message = Thank you for being honest. A lapse is a moment, not the end of your recovery. Be kind to yourself today.
lapse-total-days = { $days ->
    [one] Total days in recovery: 1. A lapse does not erase it.
   *[other] Total days in recovery: { $days }. A lapse does not erase them.
}
status-saved = Saved.

# Safety plan: use it now, edit separately
action-call-person = Call { $name }
action-edit-safety-plan = Edit my safety plan
action-done-editing = Done
safety-empty = Your safety plan is empty. Write it now, while you feel steady, so it is ready when you need it. It saves as you go.

# Contact my peer: the way they prefer, first
action-email-peer = Email { $name }
contact-add-peer = Add your peer specialist's number
contact-add-peer-intro = Save your peer specialist's number so you can reach them in one tap. Until then, the crisis line is here for you any time.
action-edit-messages = Edit quick messages
action-undo = Undo
status-removed = Removed.

# Edits: change, delete, undo
action-edit = Edit
action-delete = Delete
action-change-recovery-date = Change recovery date
undo-goal-deleted = Goal deleted.
undo-step-deleted = Step deleted.
undo-trigger-deleted = Trigger deleted.
undo-strategy-deleted = Coping strategy deleted.
today-steps-to-do = Goal steps to do
today-appointments-coming = Appointments in the next 7 days
field-needs-first = Get these first
field-check-in-reminder-time = Daily check-in reminder

# Share with my specialist (issue 15)
share-action = Share with my specialist
share-whole-plan = The whole plan
share-period = Last { $days } days
share-include-notes = Include my check-in notes
share-preview-heading = What { $name } will see
share-goal = Goal: { $title }
share-part = { $whole }: { $part }
share-why = Why: { $why }
share-status = Status: { $status }
share-target = Target date: { $date }
share-steps = { $done } of { $total } steps done
share-step-done = Done: { $title }
share-step-to-do = To do: { $title }
share-check-ins = Check-ins, last { $days } days
share-dates = { $from } to { $to }
share-check-in-count = { $count ->
    [one] 1 check-in
   *[other] { $count } check-ins
}
share-mood-average = Mood on average: { $average } of { $max }
share-craving-average = { $focus ->
    [mental] Urge or feeling on average: { $average } of { $max }
    [both] Craving, urge or feeling on average: { $average } of { $max }
   *[other] Craving on average: { $average } of { $max }
}
share-trend-up = going up
share-trend-down = going down
share-trend-steady = steady
share-days-used = { $focus ->
    [mental] Days I acted on an urge: { $count }
    [both] Days I used or acted on an urge: { $count }
   *[other] Days I used: { $count }
}
share-notes-included = My notes are included.
share-notes-left-out = My notes are not included.
share-barc-score = { $score } of { $max }, on { $date }
shared-heading = Shared with my specialist
shared-empty = Nothing shared yet. You choose each item you share, and you see it before it goes.
shared-on = Shared { $date }
shared-stop = Stop sharing
shared-stop-note = Stop sharing asks your specialist's inbox to remove the item. It cannot take back what they already read.
message-shared = You shared: { $what }
message-stopped-sharing = You asked to stop sharing: { $what }
message-needs-newer = This item needs a newer version of { $app }.
problem-nothing-to-share = There is nothing to share here yet.

## The specialist's inbox (relay/static/, formatted by inbox-wasm). Every id
## starts with "inbox-": the inbox's wasm compiles in only this section.
## The specialist reads it, not the participant: discreet mode never applies.

inbox-title = Phoenix inbox
inbox-title-unread = ({ $count }) Phoenix inbox
inbox-language = Language
inbox-language-en = English
inbox-language-es = Español
inbox-signed-in = Signed in as { $name }
inbox-notify = Notify me of new messages
inbox-sign-out = Sign out
inbox-sign-in = Sign in
inbox-sign-in-again = Sign in again, { $name }, to unlock your messages
inbox-username = Username
inbox-password = Password
inbox-invite-heading = Invite a participant
inbox-invite-intro = The participant enters this code and your key fingerprint in Phoenix under Contact my peer, or scans the QR code. The code works once and expires.
inbox-create-invite = Create invite code
inbox-invite-code = Invite code:
inbox-invite-fingerprint = Your key fingerprint:
inbox-invite-expires = Expires { $date }
inbox-invite-qr = The invite code and key fingerprint as a QR code
inbox-participants = Participants
inbox-caseload = Caseload
inbox-no-participants = No one is paired with you yet.
inbox-unread = { $count ->
    [one] (1 new)
   *[other] ({ $count } new)
}
inbox-urgent-mark = (urgent)
inbox-key-changed-mark = (key changed)
inbox-attention-help = Needs attention: asked for help
inbox-attention-craving = Needs attention: high cravings in check-ins
inbox-key-short = · key { $short }
inbox-no-messages = No messages yet
inbox-last-message = Last message { $date }
inbox-conversation-with = Conversation with { $name }
inbox-key-changed = { $name }'s security key changed. Sending is paused. Call { $name } or meet in person and compare the safety code below with the one Phoenix shows them. Continue only if they match.
inbox-confirm-key = I compared the code; continue
inbox-safety-code = Safety code:
inbox-safety-code-help = Compare it with the code the participant sees in Contact my peer, by phone or in person. If it matches, no one is reading along.
inbox-dropped = { $count ->
    [one] 1 message could not be opened or was a repeat, and was not shown.
   *[other] { $count } messages could not be opened or were repeats, and were not shown.
}
inbox-no-channel = You can answer once { $name }'s first message arrives.
inbox-missing = { $count ->
    [one] A message did not arrive.
   *[other] { $count } messages did not arrive.
}
inbox-you = You
inbox-status-not-sent = Not sent yet
inbox-status-read = Read
inbox-status-delivered = Delivered
inbox-status-sent = Sent
inbox-urgent = Urgent
inbox-reply = Reply
inbox-send = Send
inbox-unpair = Unpair
inbox-unpair-confirm = Unpair { $name }? They will no longer be able to message you.
inbox-notify-new = New message from { $name }
inbox-notify-urgent = Urgent message from { $name }
inbox-change-password = Change password
inbox-change-password-intro = Your keys and conversations in this browser are sealed again under the new password; nothing is lost.
inbox-current-password = Current password
inbox-new-password = New password (at least 12 characters)
inbox-password-changed = Your password is changed.
inbox-no-code = This message server does not serve the inbox's code. Ask your admin to start it with --inbox-assets.
inbox-keys-elsewhere = Your inbox keys are in the browser you first signed in with. Use that browser, or ask an admin to reset your keys.
inbox-other-keys = This browser holds other inbox keys than your account. Use the browser you set up, or ask an admin to reset your keys.
# What the relay's API refuses, by its error code (relay-protocol's ErrorCode);
# a code without a message here shows the relay's own English sentence.
inbox-error-bad_login = the username or password is not right
inbox-error-rate_limited = Too many tries. Wait a minute and try again.
inbox-error-not_signed_in = Sign in to the inbox first.
inbox-error-internal = The message server could not finish that. Try again.
inbox-error-device_exists = This account already has its inbox keys. An admin must reset them.
inbox-error-no_such_participant = No participant paired with you has this id.
inbox-server-answered = The message server answered { $status }.
inbox-shares-heading = What { $name } shares with you
inbox-shares-empty = { $name } has not shared anything with you. They choose each item in Phoenix.
inbox-shared-on = Shared { $date }
inbox-shared-line = Shared “{ $title }”.
inbox-shared-unsupported = Shared an item. This item needs a newer Phoenix.
inbox-stopped-line = Asked you to stop seeing “{ $title }”.
inbox-stopped-unknown = Asked you to stop seeing a shared item.
inbox-needs-newer = This item needs a newer Phoenix.
inbox-shared-item = Shared item
inbox-goal-title = Goal: { $title }
inbox-aftercare-title = Aftercare plan
inbox-aftercare-part-title = Aftercare plan: { $section }
inbox-safety-plan-title = Safety plan
inbox-check-ins-title = Check-ins, last { $days } days
inbox-barc-title = What supports recovery (BARC-10)
inbox-section = { $section ->
    [referrals] Referrals
    [documents] Documents
    [appointments] Appointments
    [meetings] Meetings
    [support_contacts] Support contacts
    [warning_signs] Warning signs
    [re_engagement] Getting back on track
   *[other] { $fallback }
}
inbox-safety-step = { $step ->
    [warning_signs] Warning signs that a crisis may be starting
    [internal_coping] Things I can do on my own to take my mind off it
    [distractions] People and places that help me get my mind off it
    [people_to_ask] People I can ask for help
    [professionals] Professionals and agencies I can contact
    [safe_environment] Making my surroundings safe
    [reasons_for_living] Reasons for living
   *[other] { $fallback }
}
inbox-status-name = { $status ->
    [active] Active
    [paused] Paused
    [completed] Completed
    [archived] Archived
    [to_contact] To contact
    [contacted] Contacted
    [waitlisted] Waitlisted
    [enrolled] Enrolled
    [done] Done
    [needed] Needed
    [requested] Requested
    [received] Received
   *[other] { $fallback }
}
inbox-why = Why: { $why }
inbox-status = Status: { $status }
inbox-target = Target date: { $date }
inbox-steps-done = { $total ->
    [one] { $done } of 1 step done
   *[other] { $done } of { $total } steps done
}
inbox-step-done = Done: { $title }
inbox-step-to-do = To do: { $title }
inbox-nothing-yet = Nothing here yet.
inbox-check-ins = { $count ->
    [one] 1 check-in from { $from } to { $to }.
   *[other] { $count } check-ins from { $from } to { $to }.
}
inbox-high-cravings = High cravings: this needs attention.
inbox-not-answered = not answered
inbox-average = { $value } of { $max }
inbox-average-trend = { $value } of { $max }, { $trend ->
    [up] going up
    [down] going down
    [steady] steady
   *[other] { $fallback }
}
inbox-mood = Mood: { $average }
inbox-craving = Craving: { $average }
inbox-days-used = Days used: { $count }
inbox-times-felt = Times felt: hungry { $hungry }, angry { $angry }, lonely { $lonely }, tired { $tired }
inbox-chart-mood = Mood
inbox-chart-craving = craving
inbox-chart-legend = { $mood } and { $craving } by day, each on its own scale
inbox-by-day = Check-ins by day
inbox-date = Date
inbox-mood-of = Mood (of { $max })
inbox-craving-of = Craving (of { $max })
inbox-notes = Notes
inbox-barc-score = Score { $score } of { $max }, taken { $date }
