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
action-crisis-line = Crisis line { $number }
action-enable-biometrics = Unlock with biometrics
action-erase = Erase everything
action-im-triggered = I'm triggered
action-lock-now = Lock now
action-record-lapse = Record a lapse
action-safety-plan = My safety plan
action-save = Save
action-unlock = Unlock
action-unlock-biometrics = Unlock with biometrics

first-run-heading = Welcome to Phoenix
first-run-intro = Choose a passcode. Everything you write stays on this phone, encrypted with it.
first-run-passcode-rule = At least { $count } characters.
first-run-no-recovery = If you forget this passcode, no one can open Phoenix for you, not even us: your entries cannot be recovered. Once you're in, make an encrypted backup in Settings and keep it somewhere safe.
lock-heading = Phoenix is locked
erase-warning = This removes everything from this device. It cannot be undone.

field-auto-lock = Lock after this many minutes without use
field-craving = Craving (0 to 10)
field-crisis-line = Crisis line number
field-discreet = Discreet mode
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
field-used-today = Did you use today?
field-why = Why it matters

language-device = Same as this device

nav-today = Today
nav-goals = Goals
nav-triggers = Triggers and coping
nav-check-in = Check-in
nav-trends = Trends
nav-settings = Settings

today-heading = Today
today-days-in-recovery = { $days ->
    [one] 1 day in recovery
   *[other] { $days } days in recovery
}
today-total-days = { $days ->
    [one] 1 day in recovery in total
   *[other] { $days } days in recovery in total
}
today-longest-stretch = { $days ->
    [one] Longest stretch: 1 day
   *[other] Longest stretch: { $days } days
}
today-milestone-reached = Milestone reached: { $milestone }
today-next-milestone = { $days ->
    [one] Next: { $milestone }, tomorrow
   *[other] Next: { $milestone }, in { $days } days
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
trigger-kind-people = People
trigger-kind-places = Places
trigger-kind-things = Things
trigger-kind-feelings = Feelings
trigger-kind-times = Times
trigger-kind-warning-sign = Early warning sign
strategy-untried = Not tried yet
strategy-evidence = { $times ->
    [one] Lowered your craving by { $drop } (once)
   *[other] Lowered your craving by { $drop } on average ({ $times } times)
}
starter-call-someone = Call someone
starter-walk = Go for a walk
starter-breathing = Slow breathing
starter-urge-surfing = Urge surfing
starter-play-tape-forward = Play the tape forward
starter-meeting = Go to a meeting
starter-eat-rest = Eat something and rest

triggered-choose = What set it off? Pick a trigger, or do the HALT check.
triggered-rate-before = How strong is the craving right now?
triggered-cope = These have helped you before. Try one, then rate the craving again.
triggered-done = Saved. You got through it.
triggered-still-high = The craving is still strong. You don't have to do this alone.
triggered-reach-out = Reach out to your peer specialist now, or open your safety plan.
halt-hungry = Hungry
halt-angry = Angry
halt-lonely = Lonely
halt-tired = Tired

check-in-heading = Daily check-in
check-in-used-note = There is no wrong answer. A lapse is part of many recoveries.

trends-heading = Trends
trends-weekly = By week
trends-monthly = By month

settings-heading = Settings

problem-empty-text = Please fill in the name or title.
problem-unknown-item = That item no longer exists.
problem-out-of-range = That value is outside the scale.
problem-invalid-date = Please enter a date like 2026-01-31, not in the future.
problem-passcodes-differ = The two passcodes are not the same.
problem-passcode-too-short = Please choose a passcode of at least 4 characters.
problem-wrong-passcode = That passcode did not open Phoenix.
problem-throttled = { $seconds ->
    [one] Too many attempts. Try again in 1 second.
   *[other] Too many attempts. Try again in { $seconds } seconds.
}
problem-erased-after-failures = Phoenix was erased after too many wrong passcodes, as you chose.
problem-platform-key-unavailable = Biometric unlock is not available. Use your passcode.
problem-not-now = That is not available right now.
problem-save-failed = That could not be saved. Nothing you saved before was lost.
problem-storage-full = This device is full. Free some space; nothing you saved before was lost.
problem-damaged-records = { $count ->
    [one] 1 entry could not be read and was left untouched.
   *[other] { $count } entries could not be read and were left untouched.
}
problem-newer-version = This data was saved by a newer version of Phoenix. Please update the app.

action-call = Call
action-call-crisis = Call the crisis line
action-email = Email
action-export-backup = Export an encrypted backup
action-export-calendar = Add appointments to my calendar
action-export-plan = Share my aftercare plan
action-import-backup = Restore from a backup
action-text = Text
action-text-crisis = Text the crisis line

nav-aftercare = Aftercare plan
nav-safety-plan = Safety plan
nav-contact = Contact my peer

today-appointments = Today's appointments
today-barc-prompt = Once a month: how is your recovery capital? Take the 10-question check.

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
service-recovery-residence = Recovery residence
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
template-cravings = I'm struggling with cravings.
template-good-news = I have good news to share!

field-backup-passphrase = Backup passphrase
field-check-in-reminder = Daily check-in reminder (HH:MM)

reminder-discreet-title = Reminder
reminder-discreet-body = You have a reminder.

barc-heading = Recovery capital (BARC-10)
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
barc-score = Last score: { $score } out of 60

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
answer-yes = Yes
answer-no = No
answer-prefer-not-to-say = Prefer not to say
trends-empty = No check-ins yet.
nav-label = Main
action-next = Continue
action-erase-confirm = Yes, erase everything
hint-one-per-line = One per line.
hint-mood-scale = 1 is very low, 5 is very good.
hint-craving-scale = 0 is none, 10 is the strongest.
action-close = Close
field-dimension = Area of life
field-new-passcode-again = New passcode again

## Secure messages
messages-heading = Secure messages
messages-intro = Messages with your peer specialist, encrypted on this phone. Your organization's relay carries them but cannot read them.
messages-paired-with = Paired with { $name }
messages-verification-code = Safety code: { $code }. Read it to { $name } by phone or in person: if their inbox shows the same digits, nobody in between can read your messages.
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
    [one] 1 message could not be opened or was a repeat, and was not shown.
   *[other] { $count } messages could not be opened or were repeats, and were not shown.
}
messages-unpair-warning = Unpairing removes this conversation from this phone. Your specialist keeps their copy.
message-queued = Waiting to send
message-sent = Sent
message-delivered = Delivered
message-read = Read
message-not-sent = Not sent
field-relay = Relay address
field-invite = Invite code
field-shared-name = Name to share with your specialist
field-message = Message
action-pair = Pair
action-send = Send
action-unpair = Unpair
problem-relay-address = Please enter the relay address your specialist gave you, starting with https://.
problem-relay-unreachable = The relay could not be reached. Your messages are kept and will be sent later.
problem-relay-refused = The relay did not accept that. Please try again later.
problem-invite-unknown = That invite code was not found. Please check it with your specialist.
problem-invite-expired = That invite code has expired or was already used. Ask your specialist for a new one.
problem-invite-incomplete = Please type the whole invite your specialist shows you: the code and the key fingerprint after it.
problem-specialist-key-mismatch = The keys the relay sent do not match your specialist's invite, so this phone did not pair. Please tell your specialist; do not send anything through this relay until it is fixed.
problem-already-paired = This phone is already paired. Unpair first.
problem-specialist-not-ready = Your specialist has not opened their inbox yet. Please try again later.
problem-not-paired = Pair with your specialist first.

# I'm triggered: people in one tap, honest results
action-call-peer = Call { $name }
action-text-peer = Text { $name }
action-call-crisis-number = Call the crisis line ({ $number })
action-text-crisis-number = Text the crisis line ({ $number })
action-try-another = Try another strategy
triggered-cope-untried = Pick something to try, then rate the craving again.
triggered-cope-ideas = Here are some ideas to try right now, or reach out to someone. Then rate the craving again.
triggered-ideas = Ideas to try
triggered-done-steady = Saved. Cravings rise and fall, and this one will pass. You can try another strategy or reach out at any time.
check-in-offer-triggered = That's a strong craving. Want to work through it now?

# After a lapse, and every save
lapse-kind-message = Thank you for being honest. A lapse is a moment, not the end of your recovery. Be kind to yourself today.
lapse-total-days = { $days ->
    [one] You have 1 day in recovery in all. A lapse does not erase it.
   *[other] You have { $days } days in recovery in all. A lapse does not erase them.
}
status-saved = Saved.

# Safety plan: use it now, edit separately
action-call-person = Call { $name }
action-edit-safety-plan = Edit my safety plan
action-done-editing = Done
safety-empty = Your safety plan is empty. Write it now, while you feel steady, so it is ready when you need it. It saves as you go.

# Contact my peer: the way they prefer, first
action-email-peer = Email { $name }
contact-add-peer = Add your peer's number
contact-add-peer-intro = Save your peer specialist's number so you can reach them in one tap. Until then, the crisis line is here for you any time.
action-edit-messages = Edit quick messages
action-undo = Undo
status-removed = Removed.
