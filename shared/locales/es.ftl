# Phoenix, español. Una sola fuente para todas las plataformas.
app-title = Phoenix
app-title-discreet = Notas

action-add-goal = Añadir meta
action-add-step = Añadir paso
action-add-strategy = Añadir estrategia
action-add-trigger = Añadir detonante
action-cancel = Cancelar
action-change-passcode = Cambiar código
action-check-in = Registrar el día
action-contact-peer = Contactar a mi par
action-crisis-line = Línea de crisis { $number }
action-enable-biometrics = Desbloquear con biometría
action-erase = Borrar todo
action-im-triggered = Tengo un detonante
action-lock-now = Bloquear ahora
action-record-lapse = Registrar una recaída
action-safety-plan = Mi plan de seguridad
action-save = Guardar
action-unlock = Desbloquear
action-unlock-biometrics = Desbloquear con biometría

first-run-heading = Te damos la bienvenida a Phoenix
first-run-intro = Elige un código. Todo lo que escribas se queda en este teléfono, cifrado con él.
first-run-passcode-rule = Al menos { $count } caracteres.
first-run-no-recovery = Si olvidas este código, nadie puede abrir Phoenix por ti, ni siquiera nosotros: lo que escribiste no se puede recuperar. Cuando entres, haz una copia de seguridad cifrada en Ajustes y guárdala en un lugar seguro.
lock-heading = Phoenix está bloqueado
erase-warning = Esto borra todo de este dispositivo. No se puede deshacer.

field-auto-lock = Bloquear tras estos minutos sin uso
field-craving = Ansias (0 a 10)
field-crisis-line = Número de la línea de crisis
field-discreet = Modo discreto
field-halt = ¿Tengo hambre, enojo, soledad o cansancio?
field-language = Idioma
field-mood = Ánimo (1 a 5)
field-name = Nombre
field-note = Nota
field-passcode = Código
field-passcode-again = Repite el código
field-recovery-date = Fecha de recuperación
field-sleep = Horas de sueño
field-target-date = Fecha objetivo (opcional)
field-title = Título
field-used-today = ¿Consumiste hoy?
field-why = Por qué importa

language-device = Igual que este dispositivo

nav-today = Hoy
nav-goals = Metas
nav-triggers = Detonantes y estrategias
nav-check-in = Registro diario
nav-trends = Tendencias
nav-settings = Ajustes

today-heading = Hoy
today-days-in-recovery = { $days ->
    [one] 1 día en recuperación
   *[other] { $days } días en recuperación
}
today-total-days = { $days ->
    [one] 1 día en recuperación en total
   *[other] { $days } días en recuperación en total
}
today-longest-stretch = { $days ->
    [one] Racha más larga: 1 día
   *[other] Racha más larga: { $days } días
}
today-milestone-reached = Logro alcanzado: { $milestone }
today-next-milestone = { $days ->
    [one] Próximo: { $milestone }, mañana
   *[other] Próximo: { $milestone }, en { $days } días
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
goal-progress = { $percent } % de los pasos hechos
goal-status-active = Activa
goal-status-paused = En pausa
goal-status-completed = Lograda
goal-status-archived = Archivada
dimension-health = Salud
dimension-home = Hogar
dimension-purpose = Propósito
dimension-community = Comunidad

triggers-heading = Detonantes y estrategias
triggers-suggestions = Ideas para tu caja de herramientas
trigger-kind-people = Personas
trigger-kind-places = Lugares
trigger-kind-things = Cosas
trigger-kind-feelings = Sentimientos
trigger-kind-times = Momentos
trigger-kind-warning-sign = Señal de alerta temprana
strategy-untried = Aún no la has probado
strategy-evidence = { $times ->
    [one] Bajó tus ansias en { $drop } (una vez)
   *[other] Bajó tus ansias en { $drop } de media ({ $times } veces)
}
starter-call-someone = Llamar a alguien
starter-walk = Salir a caminar
starter-breathing = Respiración lenta
starter-urge-surfing = Surfear la ola del deseo
starter-play-tape-forward = Pensar en cómo acabaría
starter-meeting = Ir a una reunión
starter-eat-rest = Comer algo y descansar

triggered-choose = ¿Qué lo provocó? Elige un detonante o haz la revisión HALT.
triggered-rate-before = ¿Qué tan fuertes son las ansias ahora?
triggered-cope = Esto te ha ayudado antes. Prueba una y vuelve a valorar las ansias.
triggered-done = Guardado. Lo superaste.
triggered-still-high = Las ansias siguen fuertes. No tienes que pasar por esto a solas.
triggered-reach-out = Contacta ahora a tu especialista de pares o abre tu plan de seguridad.
halt-hungry = Hambre
halt-angry = Enojo
halt-lonely = Soledad
halt-tired = Cansancio

check-in-heading = Registro diario
check-in-used-note = No hay respuestas incorrectas. Una recaída es parte de muchas recuperaciones.

trends-heading = Tendencias
trends-weekly = Por semana
trends-monthly = Por mes

settings-heading = Ajustes

problem-empty-text = Escribe el nombre o el título.
problem-unknown-item = Ese elemento ya no existe.
problem-out-of-range = Ese valor está fuera de la escala.
problem-invalid-date = Escribe una fecha como 2026-01-31, que no sea futura.
problem-passcodes-differ = Los dos códigos no son iguales.
problem-passcode-too-short = Elige un código de al menos 4 caracteres.
problem-wrong-passcode = Ese código no abrió Phoenix.
problem-throttled = { $seconds ->
    [one] Demasiados intentos. Vuelve a intentarlo en 1 segundo.
   *[other] Demasiados intentos. Vuelve a intentarlo en { $seconds } segundos.
}
problem-erased-after-failures = Phoenix se borró tras demasiados códigos incorrectos, como elegiste.
problem-platform-key-unavailable = El desbloqueo biométrico no está disponible. Usa tu código.
problem-not-now = Eso no está disponible ahora.
problem-save-failed = No se pudo guardar. No se perdió nada de lo que guardaste antes.
problem-storage-full = El dispositivo está lleno. Libera espacio; no se perdió nada de lo que guardaste.
problem-damaged-records = { $count ->
    [one] 1 entrada no se pudo leer y se dejó intacta.
   *[other] { $count } entradas no se pudieron leer y se dejaron intactas.
}
problem-newer-version = Estos datos los guardó una versión más nueva de Phoenix. Actualiza la aplicación.

action-call = Llamar
action-call-crisis = Llamar a la línea de crisis
action-email = Correo
action-export-backup = Exportar una copia cifrada
action-export-calendar = Añadir las citas a mi calendario
action-export-plan = Compartir mi plan de cuidado continuo
action-import-backup = Restaurar desde una copia
action-text = Mensaje
action-text-crisis = Escribir a la línea de crisis

nav-aftercare = Plan de cuidado continuo
nav-safety-plan = Plan de seguridad
nav-contact = Contactar a mi par

today-appointments = Citas de hoy
today-barc-prompt = Una vez al mes: ¿cómo está tu capital de recuperación? Responde las 10 preguntas.

aftercare-heading = Mi plan de cuidado continuo
aftercare-contacts = Contactos de apoyo
aftercare-referrals = Servicios y derivaciones
aftercare-documents = Documentos por conseguir
aftercare-appointments = Citas
aftercare-meetings = Reuniones semanales
aftercare-warning-signs = Señales de alerta
aftercare-re-engagement = Si empiezo a tambalearme, voy a

service-counseling = Consejería
service-mental-health = Servicios de salud mental
service-food-bank = Banco de alimentos
service-emergency-housing = Vivienda de emergencia
service-recovery-residence = Residencia de recuperación
service-support-group = Grupo de apoyo
service-treatment-provider = Centro de tratamiento
service-health-care = Atención médica
service-employment = Empleo
service-legal = Ayuda legal

referral-to-contact = Por contactar
referral-contacted = Contactado
referral-waitlisted = En lista de espera
referral-enrolled = Inscrito
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

safety-heading = Mi plan de seguridad
safety-warning-signs = 1. Señales de que una crisis puede estar empezando
safety-internal-coping = 2. Cosas que puedo hacer por mi cuenta para distraerme
safety-distractions = 3. Personas y lugares que me ayudan a distraerme
safety-people-to-ask = 4. Personas a quienes puedo pedir ayuda
safety-professionals = 5. Profesionales y servicios que puedo contactar
safety-environment = 6. Hacer que mi entorno sea seguro
safety-reasons = Razones para vivir

contact-heading = Contactar a mi par
contact-templates = Mensajes rápidos
contact-outside-hours = Puede que tu especialista de pares no responda ahora. Si estás en crisis, llama o escribe a la línea de crisis.
contact-prefers-call = Prefiere una llamada
contact-prefers-text = Prefiere un mensaje
contact-prefers-email = Prefiere correo
template-call-me = ¿Me puedes llamar?
template-cravings = Estoy luchando con las ansias.
template-good-news = ¡Tengo buenas noticias!

field-backup-passphrase = Frase de la copia
field-check-in-reminder = Recordatorio diario (HH:MM)

reminder-discreet-title = Recordatorio
reminder-discreet-body = Tienes un recordatorio.

barc-heading = Capital de recuperación (BARC-10)
barc-item-1 = En mi vida hay cosas más importantes que consumir.
barc-item-2 = En general, estoy contento con mi vida.
barc-item-3 = Tengo energía suficiente para hacer lo que me propongo.
barc-item-4 = Me siento orgulloso de mi comunidad y parte de ella.
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
barc-score = Último resultado: { $score } de 60

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
field-lapse-date = Fecha de la recaída
field-lapse-context = Qué pasó (opcional)
field-current-passcode = Código actual
field-new-passcode = Código nuevo
field-backup-file = Archivo de copia de seguridad
field-preferred-way = La mejor forma de contactar
contact-specialist = Mi especialista de apoyo
contact-way-call = Una llamada
contact-way-text = Un mensaje de texto
contact-way-email = Un correo electrónico
action-add = Añadir
action-add-contact = Añadir contacto
action-add-referral = Añadir derivación
action-add-document = Añadir documento
action-add-appointment = Añadir cita
action-add-meeting = Añadir reunión
action-add-hours = Añadir horario
action-remove = Quitar
action-mark-done = Hecho
action-allow-reminders = Permitir recordatorios en este dispositivo
answer-yes = Sí
answer-no = No
answer-prefer-not-to-say = Prefiero no decirlo
trends-empty = Todavía no hay registros diarios.
nav-label = Principal
action-next = Continuar
action-erase-confirm = Sí, borrar todo
hint-one-per-line = Uno por línea.
hint-mood-scale = 1 es muy bajo, 5 es muy bueno.
hint-craving-scale = 0 es nada, 10 es lo más fuerte.
action-close = Cerrar
field-dimension = Área de la vida
field-new-passcode-again = Repite el código nuevo

## Mensajes seguros
messages-heading = Mensajes seguros
messages-intro = Mensajes con tu especialista de pares, cifrados en este teléfono. El servidor de tu organización los transporta pero no puede leerlos.
messages-paired-with = Conectado con { $name }
messages-verification-code = Código de seguridad: { $code }. Léeselo a { $name } por teléfono o en persona: si su bandeja muestra los mismos dígitos, nadie en medio puede leer tus mensajes.
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
    [one] 1 mensaje no se pudo abrir o estaba repetido, y no se mostró.
   *[other] { $count } mensajes no se pudieron abrir o estaban repetidos, y no se mostraron.
}
messages-unpair-warning = Al desconectar, esta conversación se borra de este teléfono. Tu especialista conserva su copia.
message-queued = Esperando para enviar
message-sent = Enviado
message-delivered = Entregado
message-read = Leído
message-not-sent = No enviado
field-relay = Dirección del servidor
field-invite = Código de invitación
field-shared-name = Nombre que compartes con tu especialista
field-message = Mensaje
action-pair = Conectar
action-send = Enviar
action-unpair = Desconectar
problem-relay-address = Escribe la dirección del servidor que te dio tu especialista, que empieza con https://.
problem-relay-unreachable = No se pudo conectar con el servidor. Tus mensajes se guardan y se enviarán más tarde.
problem-relay-refused = El servidor no aceptó eso. Inténtalo de nuevo más tarde.
problem-invite-unknown = No se encontró ese código de invitación. Compruébalo con tu especialista.
problem-invite-expired = Ese código de invitación caducó o ya se usó. Pide uno nuevo a tu especialista.
problem-invite-incomplete = Escribe la invitación completa que te muestra tu especialista: el código y la huella de la clave que le sigue.
problem-specialist-key-mismatch = Las claves que envió el servidor no coinciden con la invitación de tu especialista, así que este teléfono no se conectó. Avísale a tu especialista y no envíes nada por este servidor hasta que se resuelva.
problem-already-paired = Este teléfono ya está conectado. Desconéctalo primero.
problem-specialist-not-ready = Tu especialista todavía no ha abierto su bandeja de entrada. Inténtalo más tarde.
problem-not-paired = Primero conéctate con tu especialista.

# Tengo un detonante: personas a un toque, resultados honestos
action-call-peer = Llamar a { $name }
action-text-peer = Escribir a { $name }
action-call-crisis-number = Llamar a la línea de crisis ({ $number })
action-text-crisis-number = Escribir a la línea de crisis ({ $number })
action-try-another = Probar otra estrategia
triggered-cope-untried = Elige algo para probar y luego vuelve a valorar las ganas de consumir.
triggered-cope-ideas = Aquí tienes algunas ideas para probar ahora, o busca a alguien. Luego vuelve a valorar las ganas de consumir.
triggered-ideas = Ideas para probar
triggered-done-steady = Guardado. Las ganas de consumir suben y bajan, y estas también pasarán. Puedes probar otra estrategia o buscar apoyo cuando quieras.
check-in-offer-triggered = Son muchas ganas de consumir. ¿Quieres enfrentarlas ahora?

# Después de un desliz, y cada vez que guardas
lapse-kind-message = Gracias por ser honesto. Un desliz es un momento, no el fin de tu recuperación. Sé amable contigo hoy.
lapse-total-days = { $days ->
    [one] Tienes 1 día en recuperación en total. Un desliz no lo borra.
   *[other] Tienes { $days } días en recuperación en total. Un desliz no los borra.
}
status-saved = Guardado.

# Plan de seguridad: úsalo ahora, edítalo aparte
action-call-person = Llamar a { $name }
action-edit-safety-plan = Editar mi plan de seguridad
action-done-editing = Listo
safety-empty = Tu plan de seguridad está vacío. Escríbelo ahora, mientras te sientes estable, para que esté listo cuando lo necesites. Se guarda mientras escribes.

# Contactar a mi par: primero la forma que prefiere
action-email-peer = Enviar correo a { $name }
contact-add-peer = Añade el número de tu par
contact-add-peer-intro = Guarda el número de tu especialista de pares para comunicarte con un solo toque. Mientras tanto, la línea de crisis está aquí para ti a cualquier hora.
action-edit-messages = Editar mensajes rápidos
action-undo = Deshacer
status-removed = Eliminado.
