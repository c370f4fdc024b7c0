// Tasklist as centre staff use it (served from the application's classpath, ahead of the Camunda webjar's copy).
export default {
  app: {
    name: 'Tareas',
    vendor: 'IESS'
  },
  // Camunda picks the first of the browser's languages that is listed here, else the fallback: with Spanish
  // alone, a clerk whose browser is set to English still works in Spanish, like the forms and the task names.
  locales: {
    availableLocales: ['es'],
    fallbackLocale: 'es'
  },
  // Formats of the Spanish locale (locales/es.json): "26 de diciembre de 2026, 14:30".
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY, HH:mm',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  // The first-login note points to Camunda's welcome page, which staff may not open.
  disableWelcomeMessage: true,
  // Due and creation dates show as dates, not as "in a month" (scripts/fechas.js).
  requireJsConfig: {
    deps: ['clave-fechas'],
    paths: {
      'clave-fechas': 'scripts/fechas'
    },
    ngDeps: ['clave.fechas']
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'toma la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'lleva el foco al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'lleva el foco a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'lleva el foco al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre la ventana para iniciar un trámite'
    }
  }
};
