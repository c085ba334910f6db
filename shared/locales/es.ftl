# Phoenix, español. Una sola fuente para todas las plataformas.
app-title = Phoenix
app-title-discreet = Notas

action-add-goal = Agregar meta
action-add-step = Agregar paso
action-add-strategy = Agregar estrategia
action-add-trigger = Agregar detonante
action-cancel = Cancelar
action-change-passcode = Cambiar código
action-check-in = Hacer el registro diario
action-contact-peer = Contactar a mi especialista de pares
action-crisis-line = Llama o escribe al { $number }
action-enable-biometrics = Usar huella o rostro para desbloquear
action-erase = Borrar todo
action-im-triggered = Estoy en un momento difícil
action-lock-now = Bloquear ahora
action-record-lapse = Registrar un desliz
action-safety-plan = Mi plan de seguridad
action-save = Guardar
action-unlock = Desbloquear
action-unlock-biometrics = Desbloquear con huella o rostro

first-run-heading = Te damos la bienvenida a Phoenix
first-run-intro = Elige un código. Todo lo que escribas se queda en este teléfono, protegido con tu código.
first-run-passcode-rule = Al menos { $count } caracteres.
first-run-no-recovery = Si olvidas este código, nadie puede abrir Phoenix por ti, ni siquiera nosotros. Lo que escribiste no se puede recuperar. Cuando entres, guarda una copia de seguridad cifrada en Configuración, en un lugar seguro.
lock-heading = Escribe tu código
erase-warning = Esto borra todo en este dispositivo. No se puede deshacer.

field-auto-lock = Bloquear después de estos minutos sin uso
field-craving = { $focus ->
    [mental] Impulso o sentimiento (0 a 10)
    [both] Ganas de consumir, impulso o sentimiento (0 a 10)
   *[other] Ganas de consumir (0 a 10)
}
field-crisis-line = Número de la línea de crisis
field-discreet = Modo discreto
field-background-check = Buscar mensajes en segundo plano
field-halt = ¿Siento hambre, enojo, soledad o cansancio?
field-language = Idioma
field-mood = Ánimo (1 a 5)
field-name = Nombre
field-note = Nota
field-passcode = Código
field-passcode-again = Escribe el código otra vez
field-recovery-date = Fecha de inicio de mi recuperación
field-sleep = Horas de sueño
field-target-date = Fecha meta (opcional)
field-title = Título
field-used-today = { $focus ->
    [mental] ¿Actuaste hoy según un impulso?
    [both] ¿Consumiste o actuaste hoy según un impulso?
   *[other] ¿Consumiste hoy?
}
field-why = Por qué importa
field-recovery-focus = ¿De qué se trata tu recuperación?
focus-substance-use = Consumo de sustancias
focus-mental-health = Salud mental
focus-both = Las dos cosas
field-emergency-number = Número de emergencias (para una sobredosis)

language-device = Igual que este dispositivo

nav-today = Hoy
nav-goals = Metas
nav-triggers = Detonantes y cómo enfrentarlos
nav-check-in = Registro diario
nav-trends = Tendencias
nav-settings = Configuración

today-heading = Hoy
today-days-in-recovery = { $days ->
    [0] Hoy es un nuevo comienzo
    [one] Racha actual: 1 día
   *[other] Racha actual: { $days } días
}
today-total-days = Total de días en recuperación: { $days }
today-longest-stretch = { $days ->
    [one] Racha más larga: 1 día
   *[other] Racha más larga: { $days } días
}
today-milestone-reached = Logro alcanzado: { $milestone }
today-next-milestone = { $days ->
    [one] Próximo logro: { $milestone } (falta 1 día)
   *[other] Próximo logro: { $milestone } (faltan { $days } días)
}
today-steps-due = Pasos pendientes
today-check-in-prompt = ¿Cómo estás hoy? Tómate un minuto para registrar tu día.

milestone-days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
milestone-months = { $count ->
    [one] 1 mes
   *[other] { $count } meses
}
milestone-years = { $count ->
    [one] 1 año
   *[other] { $count } años
}

goals-heading = Metas
goals-history = Logradas y archivadas
goals-empty = Las metas son lo que quieres lograr, un paso pequeño a la vez.
goal-progress = { $percent } % de los pasos hechos
goal-status-active = Activa
goal-status-paused = En pausa
goal-status-completed = Lograda
goal-status-archived = Archivada
dimension-health = Salud
dimension-home = Hogar
dimension-purpose = Propósito
dimension-community = Comunidad

triggers-heading = Detonantes y cómo enfrentarlos
triggers-suggestions = Ideas para tu caja de herramientas
triggers-empty = Anota lo que da inicio a un momento difícil y guarda aquí lo que te ayuda a pasarlo.
trigger-kind-people = Personas
trigger-kind-places = Lugares
trigger-kind-things = Cosas
trigger-kind-feelings = Sentimientos
trigger-kind-times = Momentos
trigger-kind-warning-sign = Señal de alerta temprana
strategy-untried = Aún no la has probado
strategy-evidence = { $times ->
    [one] { $focus ->
        [mental] Bajó el sentimiento { $drop } puntos (una vez)
       *[other] Bajó las ganas de consumir { $drop } puntos (una vez)
    }
   *[other] { $focus ->
        [mental] Bajó el sentimiento { $drop } puntos en promedio ({ $times } veces)
       *[other] Bajó las ganas de consumir { $drop } puntos en promedio ({ $times } veces)
    }
}
starter-call-someone = Llamar a alguien
starter-walk = Salir a caminar
starter-breathing = Respiración lenta
starter-urge-surfing = Dejar que las ganas suban y bajen, como una ola
starter-play-tape-forward = Pensar en cómo terminaría
starter-meeting = Ir a una reunión
starter-eat-rest = Comer algo y descansar

triggered-choose = ¿Qué lo provocó? Elige un detonante, o pregúntate: ¿siento hambre, enojo, soledad o cansancio?
triggered-rate-before = { $focus ->
    [mental] ¿Qué tan fuerte es este impulso o sentimiento?
    [both] ¿Qué tan fuertes son las ganas de consumir, el impulso o el sentimiento?
   *[other] ¿Qué tan fuertes son las ganas de consumir ahora?
}
triggered-cope = { $focus ->
    [mental] Esto te ha ayudado antes. Prueba una cosa y vuelve a medir el sentimiento.
    [both] Esto te ha ayudado antes. Prueba una cosa y vuelve a medirlo.
   *[other] Esto te ha ayudado antes. Prueba una cosa y vuelve a medir las ganas de consumir.
}
triggered-done = Guardado. Lo lograste.
triggered-still-high = { $focus ->
    [mental] El sentimiento sigue fuerte. No tienes que pasar por esto a solas.
    [both] Sigue fuerte. No tienes que pasar por esto a solas.
   *[other] Las ganas de consumir siguen fuertes. No tienes que pasar por esto a solas.
}
triggered-reach-out = Contacta ahora a tu especialista de pares o abre tu plan de seguridad.
halt-hungry = Hambre
halt-angry = Enojo
halt-lonely = Soledad
halt-tired = Cansancio

check-in-heading = Registro diario
check-in-used-note = { $focus ->
    [mental] No hay respuestas incorrectas. Los días difíciles son parte de muchas recuperaciones.
   *[other] No hay respuestas incorrectas. Un desliz es parte de muchas recuperaciones.
}

trends-heading = Tendencias
trends-weekly = Por semana
trends-monthly = Por mes
trends-craving-down = { $focus ->
    [mental] Impulso o sentimiento: bajó de { $from } a { $to } { $when }
    [both] Ganas de consumir, impulso o sentimiento: bajaron de { $from } a { $to } { $when }
   *[other] Ganas de consumir: bajaron de { $from } a { $to } { $when }
}
trends-craving-up = { $focus ->
    [mental] Impulso o sentimiento: subió de { $from } a { $to } { $when }
    [both] Ganas de consumir, impulso o sentimiento: subieron de { $from } a { $to } { $when }
   *[other] Ganas de consumir: subieron de { $from } a { $to } { $when }
}
trends-craving-steady = { $focus ->
    [mental] Impulso o sentimiento: { $to } { $when }
    [both] Ganas de consumir, impulso o sentimiento: { $to } { $when }
   *[other] Ganas de consumir: { $to } { $when }
}
trends-in-the-last-days = en los últimos { $days } días
trends-mood-down = Ánimo: bajó de { $from } a { $to } { $when }
trends-mood-up = Ánimo: subió de { $from } a { $to } { $when }
trends-mood-steady = Ánimo: { $to } { $when }
aftercare-contacts-empty = Las personas que apoyan tu recuperación, con su número, para que puedas llamarlas rápido.
aftercare-referrals-empty = Los servicios a los que te enviaron, como vivienda, trabajo o tratamiento, y en qué va cada uno.
aftercare-documents-empty = Los papeles que necesitas, como una identificación o un acta de nacimiento, y cuál conseguir primero.
aftercare-appointments-empty = Tus citas, cada una con un recordatorio antes.
aftercare-meetings-empty = Las reuniones de apoyo a las que vas cada semana, con su día, hora y lugar.

settings-heading = Configuración
field-allow-screenshots = Permitir capturas de pantalla
settings-screenshots-note = Si está desactivado, esta aplicación oculta sus pantallas en las capturas, las grabaciones de pantalla y la lista de aplicaciones recientes.

problem-empty-text = Escribe el nombre o el título.
problem-unknown-item = Ese elemento ya no existe.
problem-out-of-range = Ese valor no sirve aquí. Revísalo, por favor.
problem-invalid-date = Escribe la fecha como año-mes-día, por ejemplo 2026-01-31. No puede ser una fecha futura.
problem-passcodes-differ = Los dos códigos no coinciden.
problem-passcode-too-short = Elige un código de al menos { $count } caracteres.
problem-wrong-passcode = Ese código no funcionó. Inténtalo de nuevo.
problem-throttled = { $seconds ->
    [one] Demasiados intentos. Vuelve a intentarlo en 1 segundo.
   *[other] Demasiados intentos. Vuelve a intentarlo en { $seconds } segundos.
}
problem-erased-after-failures = Todo en este dispositivo se borró después de demasiados códigos incorrectos, para proteger tu privacidad. Puedes empezar de nuevo.
problem-platform-key-unavailable = El desbloqueo con huella o rostro no está disponible. Usa tu código.
problem-device-key-unavailable = El almacén seguro de claves de este dispositivo no respondió. No se cambió nada. Inténtalo de nuevo.
problem-not-now = Eso no está disponible ahora.
problem-save-failed = No se pudo guardar. No se perdió nada de lo que guardaste antes.
problem-storage-full = El dispositivo está lleno. Libera espacio. No se perdió nada de lo que guardaste antes.
problem-damaged-records = { $count ->
    [one] 1 entrada no se pudo leer y se dejó intacta.
   *[other] { $count } entradas no se pudieron leer y se dejaron intactas.
}
problem-newer-version = Una versión más nueva de la aplicación guardó estos datos. Actualiza la aplicación.
problem-link-unopened = Este teléfono no tiene una aplicación para abrir eso. Llama o escribe desde otro teléfono: { $address }

action-call = Llamar
action-call-crisis = Llamar a la línea de crisis
action-email = Correo electrónico
action-export-backup = Guardar una copia de seguridad
action-export-calendar = Agregar las citas a mi calendario
action-export-plan = Compartir mi plan de cuidado continuo
action-import-backup = Restaurar desde una copia de seguridad
action-text = Mensaje de texto
action-text-crisis = Escribir a la línea de crisis
action-export-backup-recovery-key = Guardar una copia con una clave de recuperación
recovery-key-hint = Tu clave de recuperación: anótala y guárdala lejos del archivo de la copia. Abre esta copia en lugar de la contraseña de la copia. Solo la verás hasta que la aplicación se bloquee.

nav-aftercare = Plan de cuidado continuo
nav-safety-plan = Plan de seguridad
nav-contact = Contactar a mi especialista de pares

today-barc-prompt = Una vez al mes: ¿cuánto apoyo tiene tu recuperación? Responde 10 preguntas cortas.

aftercare-heading = Mi plan de cuidado continuo
aftercare-contacts = Contactos de apoyo
aftercare-referrals = Servicios y referidos
aftercare-documents = Documentos por conseguir
aftercare-appointments = Citas
aftercare-meetings = Reuniones semanales
aftercare-warning-signs = Señales de alerta
aftercare-re-engagement = Si empiezo a tener problemas, voy a

service-counseling = Consejería
service-mental-health = Servicios de salud mental
service-food-bank = Banco de alimentos
service-emergency-housing = Vivienda de emergencia
service-recovery-residence = Vivienda de recuperación
service-support-group = Grupo de apoyo
service-treatment-provider = Centro de tratamiento
service-health-care = Atención médica
service-employment = Empleo
service-legal = Ayuda legal

referral-to-contact = Por contactar
referral-contacted = Contactado
referral-waitlisted = En lista de espera
referral-enrolled = Con inscripción
referral-done = Terminado

document-social-security = Tarjeta del seguro social
document-birth-certificate = Acta de nacimiento
document-state-id = Licencia de conducir o identificación estatal
document-other = Otro documento
document-needed = Lo necesito
document-requested = Solicitado
document-received = Recibido
document-needs-first = conseguir antes

weekday-mon = lunes
weekday-tue = martes
weekday-wed = miércoles
weekday-thu = jueves
weekday-fri = viernes
weekday-sat = sábado
weekday-sun = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-readable = { $day } de { $month } de { $year }
date-time-readable = { $date }, a las { $time }

safety-heading = Mi plan de seguridad
safety-warning-signs = 1. Señales de que una crisis puede estar empezando
safety-internal-coping = 2. Cosas que puedo hacer por mi cuenta para distraerme
safety-distractions = 3. Personas y lugares que me ayudan a distraerme
safety-people-to-ask = 4. Personas a quienes puedo pedir ayuda
safety-professionals = 5. Profesionales y servicios que puedo contactar
safety-environment = 6. Cómo hacer que mi entorno sea seguro
safety-reasons = Razones para vivir

contact-heading = Contactar a mi especialista de pares
contact-templates = Mensajes rápidos
contact-outside-hours = Puede que tu especialista de pares no responda ahora. Si estás en crisis, llama o escribe a la línea de crisis.
contact-prefers-call = Prefiere una llamada
contact-prefers-text = Prefiere un mensaje
contact-prefers-email = Prefiere un correo electrónico
template-call-me = ¿Me puedes llamar?
template-cravings = { $focus ->
    [mental] Estoy pasando por un momento difícil.
    [both] Estoy pasando por un momento difícil con las ganas de consumir o con lo que siento.
   *[other] Estoy pasando por un momento difícil con las ganas de consumir.
}
template-good-news = ¡Tengo buenas noticias!

field-backup-passphrase = Contraseña de la copia de seguridad

reminder-discreet-title = Recordatorio
reminder-discreet-body = Tienes un recordatorio.
background-discreet-title = Algo nuevo
background-discreet-body = Abre la aplicación para verlo.
background-message-title = Mensaje nuevo
background-message-body = Tienes un mensaje nuevo de tu especialista de pares.

barc-heading = Lo que apoya tu recuperación (BARC-10)
barc-item-1 = En mi vida hay cosas más importantes que consumir.
barc-item-2 = En general, me siento bien con mi vida.
barc-item-3 = Tengo energía suficiente para hacer lo que me propongo.
barc-item-4 = Siento orgullo por la comunidad donde vivo y me siento parte de ella.
barc-item-5 = Recibo mucho apoyo de mis amistades.
barc-item-6 = Mi vida es desafiante y plena sin necesidad de drogas ni alcohol.
barc-item-7 = El lugar donde vivo ha impulsado mi recuperación.
barc-item-8 = Asumo toda la responsabilidad de mis actos.
barc-item-9 = Me siento bien tratando con distintos profesionales.
barc-item-10 = Estoy avanzando bien en mi recuperación.
barc-scale-1 = Totalmente en desacuerdo
barc-scale-2 = En desacuerdo
barc-scale-3 = Algo en desacuerdo
barc-scale-4 = Algo de acuerdo
barc-scale-5 = De acuerdo
barc-scale-6 = Totalmente de acuerdo
barc-score = Último resultado: { $score } de 60. Estas preguntas en español son una traducción nuestra, no una versión validada.

action-keep = Guardar en mi caja
action-dismiss = No es para mí

field-organization = Organización
field-relationship = Relación
field-phone = Teléfono
field-email = Correo electrónico
field-address = Dirección
field-hours = Horario
field-notes = Notas
field-status = Estado
field-category = Tipo de servicio
field-document = Documento
field-place = Lugar
field-date-time = Fecha y hora
field-day = Día
field-time = Hora
field-from = Desde
field-until = Hasta
field-remind-minutes = Recordarme estos minutos antes
field-kind = Tipo
field-step = Paso
field-due = Fecha límite (opcional)
field-helps-with = Me ayuda con
field-lapse-date = Fecha del desliz
field-lapse-context = Qué pasó (opcional)
field-current-passcode = Código actual
field-new-passcode = Código nuevo
field-backup-file = Archivo de copia de seguridad
field-preferred-way = La mejor forma de contactar
contact-specialist = Mi especialista de pares
contact-way-call = Una llamada
contact-way-text = Un mensaje de texto
contact-way-email = Un correo electrónico
action-add = Agregar
action-add-contact = Agregar contacto
action-add-referral = Agregar referido
action-add-document = Agregar documento
action-add-appointment = Agregar cita
action-add-meeting = Agregar reunión
action-add-hours = Agregar horario
action-remove = Quitar
action-mark-done = Hecho
action-allow-reminders = Permitir recordatorios en este dispositivo
action-allow-message-notifications = Avísame cuando tenga mensajes nuevos
answer-yes = Sí
answer-no = No
answer-prefer-not-to-say = Prefiero no decirlo
trends-empty = Las tendencias muestran cómo cambian tus registros diarios cada semana, desde el primero.
nav-label = Principal
nav-more = Más
action-next = Continuar
action-erase-confirm = Sí, borrar todo
hint-one-per-line = Uno por línea.
hint-mood-scale = 1 es muy bajo, 5 es muy bueno.
hint-craving-scale = 0 es nada, 10 es lo más fuerte.
hint-date-format = Año-mes-día, por ejemplo 2026-01-31.
hint-date-time-format = Año-mes-día y hora, por ejemplo 2026-01-31 14:30.
action-close = Cerrar
field-dimension = Área de la vida
field-new-passcode-again = Escribe el código nuevo otra vez

## Mensajes seguros
messages-heading = Mensajes seguros
messages-intro = Mensajes con tu especialista de pares. Solo tú y tu especialista pueden leerlos. Esto no es para emergencias: si necesitas ayuda ahora, llama o escribe al { $number }.
messages-paired-with = Conectado con { $name }
messages-verification-code = Código de seguridad: { $code }. Léeselo a { $name } por teléfono o en persona: si su bandeja muestra los mismos dígitos, nadie en medio puede leer tus mensajes.
messages-pair-again-restored = Este teléfono se restauró desde una copia de seguridad. Las copias nunca guardan las claves de tus mensajes seguros, así que pídele a { $name } un código de invitación nuevo y vuelve a conectar.
messages-pair-again-upgraded = Los mensajes seguros ahora tienen una protección más fuerte. Pídele a { $name } un código de invitación nuevo y vuelve a conectar para seguir escribiéndose.
messages-key-changed = La clave de seguridad de { $name } cambió desde su última conversación. Esto pasa cuando vuelve a configurar su bandeja, pero también puede ser que alguien esté en medio. El envío está en pausa. Llama a { $name } o véanse en persona y comparen el código de seguridad de abajo. Confirma solo si coincide.
messages-empty = Todavía no hay mensajes.
messages-waiting = { $count ->
    [one] 1 mensaje está esperando para enviarse.
   *[other] { $count } mensajes están esperando para enviarse.
}
messages-waiting-offline = { $count ->
    [one] 1 mensaje se enviará cuando vuelvas a tener conexión.
   *[other] { $count } mensajes se enviarán cuando vuelvas a tener conexión.
}
messages-dropped = { $count ->
    [one] 1 mensaje no se pudo abrir, y no se mostró.
   *[other] { $count } mensajes no se pudieron abrir, y no se mostraron.
}
messages-unpair-warning = Al desconectar, esta conversación se borra de este teléfono. Tu especialista de pares conserva su copia.
message-queued = Esperando para enviar
message-sent = Enviado
message-delivered = Entregado
message-read = Leído
message-not-sent = No enviado
message-missing = { $count ->
    [one] Un mensaje no llegó.
   *[other] { $count } mensajes no llegaron.
}
field-relay = Dirección del servidor de mensajes
field-invite = Código de invitación
field-shared-name = Nombre que compartes con tu especialista de pares
field-message = Mensaje
action-pair = Conectar
action-send = Enviar
action-unpair = Desconectar
action-confirm-key = Los códigos de seguridad coinciden
problem-relay-address = Escribe la dirección del servidor de mensajes que te dio tu especialista de pares. Empieza con https://.
problem-relay-unreachable = No se pudo conectar con el servidor de mensajes. Tus mensajes se guardan y se enviarán más tarde.
problem-relay-refused = El servidor de mensajes no aceptó eso. Inténtalo de nuevo más tarde.
problem-invite-unknown = No se encontró ese código de invitación. Revísalo con tu especialista de pares.
problem-invite-expired = Ese código de invitación venció o ya se usó. Pide uno nuevo a tu especialista de pares.
problem-invite-incomplete = Escribe la invitación completa que te muestra tu especialista de pares: el código y la huella de la clave que le sigue.
problem-specialist-key-mismatch = Las claves que envió el servidor de mensajes no coinciden con la invitación de tu especialista de pares, así que este teléfono no se conectó. Avísale a tu especialista de pares. No envíes nada por este servidor hasta que se resuelva.
problem-already-paired = Este teléfono ya está conectado. Primero desconéctalo.
problem-specialist-not-ready = Tu especialista de pares todavía no ha abierto su bandeja de entrada. Inténtalo más tarde.
problem-not-paired = Primero conéctate con tu especialista de pares.
problem-specialist-key-changed = El envío está en pausa porque cambió la clave de seguridad de tu especialista de pares. Primero compara el código de seguridad con tu especialista por teléfono o en persona.
problem-passcode-too-common = Ese código es de los primeros que cualquiera adivinaría. Prueba unas palabras que solo tú juntarías.

# Estoy en un momento difícil: personas a un toque, resultados honestos
action-call-peer = Llamar a { $name }
action-text-peer = Escribir a { $name }
action-call-crisis-number = Llamar a la línea de crisis ({ $number })
action-text-crisis-number = Escribir a la línea de crisis ({ $number })
action-call-lifeline = Llamar al { $number } (menú en inglés: marca 2 para español)
action-text-lifeline = Escribir al { $number } (empieza con AYUDA para recibir ayuda en español)
crisis-text-body = AYUDA
triggered-unsafe = Puede que tu especialista de pares no responda ahora. Si no te sientes a salvo o podrías hacerte daño, llama o escribe al { $number } ahora.
overdose-help = Si alguien pudo haber tenido una sobredosis, llama al { $number } y usa naloxona (Narcan) si la tienes.
action-call-emergency = Llamar al { $number }
action-try-another = Probar otra estrategia
triggered-cope-untried = { $focus ->
    [mental] Elige algo para probar y luego vuelve a medir el sentimiento.
    [both] Elige algo para probar y luego vuelve a medirlo.
   *[other] Elige algo para probar y luego vuelve a medir las ganas de consumir.
}
triggered-cope-ideas = { $focus ->
    [mental] Aquí tienes algunas ideas para probar ahora, o busca a alguien. Luego vuelve a medir el sentimiento.
    [both] Aquí tienes algunas ideas para probar ahora, o busca a alguien. Luego vuelve a medirlo.
   *[other] Aquí tienes algunas ideas para probar ahora, o busca a alguien. Luego vuelve a medir las ganas de consumir.
}
triggered-ideas = Ideas para probar
triggered-done-steady = { $focus ->
    [mental] Guardado. Los impulsos y los sentimientos suben y bajan, y este también pasará. Puedes probar otra cosa o buscar apoyo cuando quieras.
    [both] Guardado. Las ganas de consumir y los sentimientos suben y bajan, y esto también pasará. Puedes probar otra cosa o buscar apoyo cuando quieras.
   *[other] Guardado. Las ganas de consumir suben y bajan, y estas también pasarán. Puedes probar otra cosa o buscar apoyo cuando quieras.
}
check-in-offer-triggered = { $focus ->
    [mental] Es un impulso o sentimiento fuerte. ¿Quieres trabajar en eso ahora?
    [both] Es algo fuerte. ¿Quieres trabajar en eso ahora?
   *[other] Son muchas ganas de consumir. ¿Quieres trabajar en eso ahora?
}

# Después de un desliz, y cada vez que guardas
lapse-kind-message = Gracias por tu honestidad. Un desliz es un momento, no el fin de tu recuperación. Sé amable contigo hoy.
lapse-total-days = { $days ->
    [one] Total de días en recuperación: 1. Un desliz no lo borra.
   *[other] Total de días en recuperación: { $days }. Un desliz no los borra.
}
status-saved = Guardado.

# Plan de seguridad: úsalo ahora, edítalo aparte
action-call-person = Llamar a { $name }
action-edit-safety-plan = Editar mi plan de seguridad
action-done-editing = Listo
safety-empty = Tu plan de seguridad está vacío. Escríbelo ahora, mientras te sientes estable, para que esté listo cuando lo necesites. Se guarda mientras escribes.

# Contactar a mi especialista de pares: primero la forma que prefiere
action-email-peer = Enviar un correo electrónico a { $name }
contact-add-peer = Agrega el número de tu especialista de pares
contact-add-peer-intro = Guarda el número de tu especialista de pares para comunicarte con un solo toque. Mientras tanto, la línea de crisis está aquí para ti a cualquier hora.
action-edit-messages = Editar mensajes rápidos
action-undo = Deshacer
status-removed = Eliminado.

# Cambios: editar, eliminar, deshacer
action-edit = Editar
action-delete = Eliminar
action-change-recovery-date = Cambiar la fecha de recuperación
undo-goal-deleted = Meta eliminada.
undo-step-deleted = Paso eliminado.
undo-trigger-deleted = Detonante eliminado.
undo-strategy-deleted = Estrategia eliminada.
today-steps-to-do = Pasos de tus metas por hacer
today-appointments-coming = Citas de los próximos 7 días
field-needs-first = Consigue primero
field-check-in-reminder-time = Recordatorio diario para registrarte

# Compartir con mi especialista de pares (issue 15)
share-action = Compartir con mi especialista de pares
share-whole-plan = Todo el plan
share-period = Últimos { $days } días
share-include-notes = Incluir mis notas del registro diario
share-preview-heading = Lo que verá { $name }
share-goal = Meta: { $title }
share-part = { $whole }: { $part }
share-why = Por qué: { $why }
share-status = Estado: { $status }
share-target = Fecha meta: { $date }
share-steps = { $done } de { $total } pasos hechos
share-step-done = Hecho: { $title }
share-step-to-do = Por hacer: { $title }
share-check-ins = Registros diarios, últimos { $days } días
share-dates = Del { $from } al { $to }
share-check-in-count = { $count ->
    [one] 1 registro diario
   *[other] { $count } registros diarios
}
share-mood-average = Ánimo en promedio: { $average } de { $max }
share-craving-average = { $focus ->
    [mental] Impulso o sentimiento en promedio: { $average } de { $max }
    [both] Ganas de consumir, impulso o sentimiento en promedio: { $average } de { $max }
   *[other] Ganas de consumir en promedio: { $average } de { $max }
}
share-trend-up = subiendo
share-trend-down = bajando
share-trend-steady = estable
share-days-used = { $focus ->
    [mental] Días en que actué según un impulso: { $count }
    [both] Días en que consumí o actué según un impulso: { $count }
   *[other] Días en que consumí: { $count }
}
share-notes-included = Mis notas están incluidas.
share-notes-left-out = Mis notas no están incluidas.
share-barc-score = { $score } de { $max }, el { $date }
shared-heading = Compartido con mi especialista de pares
shared-empty = Todavía no compartiste nada. Tú eliges cada cosa que compartes y la ves antes de enviarla.
shared-on = Compartido el { $date }
shared-stop = Dejar de compartir
shared-stop-note = «Dejar de compartir» le pide a la bandeja de tu especialista de pares que quite esto. No puede deshacer lo que ya leyó.
message-shared = Compartiste: { $what }
message-stopped-sharing = Pediste dejar de compartir: { $what }
message-needs-newer = Esto necesita una versión más nueva de { $app }.
problem-nothing-to-share = Todavía no hay nada que compartir aquí.

## The specialist's inbox (relay/static/, formatted by inbox-wasm). Every id
## starts with "inbox-": the inbox's wasm compiles in only this section.
## The specialist reads it, not the participant: discreet mode never applies.

inbox-title = Bandeja de Phoenix
inbox-title-unread = ({ $count }) Bandeja de Phoenix
inbox-language = Idioma
inbox-language-en = English
inbox-language-es = Español
inbox-signed-in = Sesión iniciada como { $name }
inbox-notify = Avisarme de mensajes nuevos
inbox-sign-out = Cerrar sesión
inbox-sign-in = Iniciar sesión
inbox-sign-in-again = Inicia sesión otra vez, { $name }, para abrir tus mensajes
inbox-username = Usuario
inbox-password = Contraseña
inbox-invite-heading = Invitar a un participante
inbox-invite-intro = El participante escribe este código y la huella de tu clave en Phoenix, en Contactar a mi especialista de pares, o escanea el código QR. El código sirve una sola vez y vence.
inbox-create-invite = Crear código de invitación
inbox-invite-code = Código de invitación:
inbox-invite-fingerprint = La huella de tu clave:
inbox-invite-expires = Vence { $date }
inbox-invite-qr = El código de invitación y la huella de la clave como código QR
inbox-participants = Participantes
inbox-caseload = Casos
inbox-no-participants = Todavía no hay nadie conectado contigo.
inbox-unread = { $count ->
    [one] (1 mensaje nuevo)
   *[other] ({ $count } mensajes nuevos)
}
inbox-urgent-mark = (urgente)
inbox-key-changed-mark = (cambió la clave)
inbox-attention-help = Necesita atención: pidió ayuda
inbox-attention-craving = Necesita atención: muchas ganas de consumir en sus registros diarios
inbox-key-short = · clave { $short }
inbox-no-messages = Todavía no hay mensajes
inbox-last-message = Último mensaje: { $date }
inbox-conversation-with = Conversación con { $name }
inbox-key-changed = La clave de seguridad de { $name } cambió. El envío está en pausa. Llama a { $name } o véanse en persona y comparen el código de seguridad de abajo con el que Phoenix le muestra. Sigue solo si coinciden.
inbox-confirm-key = Comparé el código; seguir
inbox-safety-code = Código de seguridad:
inbox-safety-code-help = Compáralo con el código que el participante ve en Contactar a mi especialista de pares, por teléfono o en persona. Si coincide, nadie más está leyendo.
inbox-dropped = { $count ->
    [one] 1 mensaje no se pudo abrir o era repetido, y no se muestra.
   *[other] { $count } mensajes no se pudieron abrir o eran repetidos, y no se muestran.
}
inbox-no-channel = Puedes responder cuando llegue el primer mensaje de { $name }.
inbox-missing = { $count ->
    [one] Un mensaje no llegó.
   *[other] { $count } mensajes no llegaron.
}
inbox-you = Tú
inbox-status-not-sent = Todavía no se envió
inbox-status-read = Leído
inbox-status-delivered = Entregado
inbox-status-sent = Enviado
inbox-urgent = Urgente
inbox-reply = Respuesta
inbox-send = Enviar
inbox-unpair = Desconectar
inbox-unpair-confirm = ¿Desconectar a { $name }? Ya no podrá escribirte.
inbox-notify-new = Mensaje nuevo de { $name }
inbox-notify-urgent = Mensaje urgente de { $name }
inbox-change-password = Cambiar contraseña
inbox-change-password-intro = Tus claves y conversaciones en este navegador se vuelven a proteger con la contraseña nueva; no se pierde nada.
inbox-current-password = Contraseña actual
inbox-new-password = Contraseña nueva (al menos 12 caracteres)
inbox-password-changed = Tu contraseña cambió.
inbox-no-code = Este servidor de mensajes no ofrece el código de la bandeja. Pide a tu administrador que lo inicie con --inbox-assets.
inbox-keys-elsewhere = Las claves de tu bandeja están en el navegador donde iniciaste sesión la primera vez. Usa ese navegador o pide a un administrador que restablezca tus claves.
inbox-other-keys = Este navegador tiene otras claves de bandeja que tu cuenta. Usa el navegador que configuraste o pide a un administrador que restablezca tus claves.
# What the relay's API refuses, by its error code (relay-protocol's ErrorCode);
# a code without a message here shows the relay's own English sentence.
inbox-error-bad_login = el usuario o la contraseña no son correctos
inbox-error-rate_limited = Demasiados intentos. Espera un minuto y vuelve a intentarlo.
inbox-error-not_signed_in = Primero inicia sesión en la bandeja.
inbox-error-internal = El servidor de mensajes no pudo terminar eso. Vuelve a intentarlo.
inbox-error-device_exists = Esta cuenta ya tiene las claves de su bandeja. Un administrador debe restablecerlas.
inbox-error-no_such_participant = Ningún participante conectado contigo tiene este identificador.
inbox-server-answered = El servidor de mensajes respondió { $status }.
inbox-shares-heading = Lo que { $name } comparte contigo
inbox-shares-empty = { $name } no ha compartido nada contigo. Elige cada cosa que comparte en Phoenix.
inbox-shared-on = Compartido { $date }
inbox-shared-line = Compartió “{ $title }”.
inbox-shared-unsupported = Compartió algo. Esto necesita una versión más nueva de Phoenix.
inbox-stopped-line = Te pidió dejar de ver “{ $title }”.
inbox-stopped-unknown = Te pidió dejar de ver algo que compartió.
inbox-needs-newer = Esto necesita una versión más nueva de Phoenix.
inbox-shared-item = Algo compartido
inbox-goal-title = Meta: { $title }
inbox-aftercare-title = Plan de cuidado continuo
inbox-aftercare-part-title = Plan de cuidado continuo: { $section }
inbox-safety-plan-title = Plan de seguridad
inbox-check-ins-title = Registros diarios, últimos { $days } días
inbox-barc-title = Lo que apoya su recuperación (BARC-10)
inbox-section = { $section ->
    [referrals] Referidos
    [documents] Documentos
    [appointments] Citas
    [meetings] Reuniones
    [support_contacts] Contactos de apoyo
    [warning_signs] Señales de alerta
    [re_engagement] Cómo retomar el camino
   *[other] { $fallback }
}
inbox-safety-step = { $step ->
    [warning_signs] Señales de que una crisis puede estar empezando
    [internal_coping] Cosas que puedo hacer por mi cuenta para distraerme
    [distractions] Personas y lugares que me ayudan a distraerme
    [people_to_ask] Personas a quienes puedo pedir ayuda
    [professionals] Profesionales y servicios que puedo contactar
    [safe_environment] Cómo hacer que mi entorno sea seguro
    [reasons_for_living] Razones para vivir
   *[other] { $fallback }
}
inbox-status-name = { $status ->
    [active] Activa
    [paused] En pausa
    [completed] Lograda
    [archived] Archivada
    [to_contact] Por contactar
    [contacted] Contactado
    [waitlisted] En lista de espera
    [enrolled] Con inscripción
    [done] Terminado
    [needed] Lo necesita
    [requested] Solicitado
    [received] Recibido
   *[other] { $fallback }
}
inbox-why = Por qué: { $why }
inbox-status = Estado: { $status }
inbox-target = Fecha meta: { $date }
inbox-steps-done = { $total ->
    [one] { $done } de 1 paso hecho
   *[other] { $done } de { $total } pasos hechos
}
inbox-step-done = Hecho: { $title }
inbox-step-to-do = Por hacer: { $title }
inbox-nothing-yet = Todavía no hay nada aquí.
inbox-check-ins = { $count ->
    [one] 1 registro diario del { $from } al { $to }.
   *[other] { $count } registros diarios del { $from } al { $to }.
}
inbox-high-cravings = Muchas ganas de consumir: esto necesita atención.
inbox-not-answered = sin respuesta
inbox-average = { $value } de { $max }
inbox-average-trend = { $value } de { $max }, { $trend ->
    [up] subiendo
    [down] bajando
    [steady] estable
   *[other] { $fallback }
}
inbox-mood = Ánimo: { $average }
inbox-craving = Ganas de consumir: { $average }
inbox-days-used = Días que consumió: { $count }
inbox-times-felt = Veces que sintió: hambre { $hungry }, enojo { $angry }, soledad { $lonely }, cansancio { $tired }
inbox-chart-mood = Ánimo
inbox-chart-craving = ganas de consumir
inbox-chart-legend = { $mood } y { $craving } por día, cada uno en su propia escala
inbox-by-day = Registros diarios por día
inbox-date = Fecha
inbox-mood-of = Ánimo (de { $max })
inbox-craving-of = Ganas de consumir (de { $max })
inbox-notes = Notas
inbox-barc-score = Resultado: { $score } de { $max }, el { $date }
