// The welcome app holds the webapps' login page that staff reach from /camunda/app/: Spanish, as Tasklist.
export default {
  app: {
    name: 'Inicio',
    vendor: 'IESS'
  },
  locales: {
    availableLocales: ['es'],
    fallbackLocale: 'es'
  },
  disableWelcomeMessage: true
};
