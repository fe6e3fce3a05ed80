// The readers' chrome in Spanish (neutral Spanish, usted, as public health sites such as MedlinePlus write it).
import { SITE_NAME } from "../public/site";
import type { ReaderMessages } from "./reader-messages";

export const ES: ReaderMessages = {
  languageName: "Español",
  languageNames: { en: "inglés", es: "español" },
  skipToContent: "Saltar al contenido",
  nav: {
    siteLabel: "Sitio",
    articles: "Artículos",
    conditions: "Enfermedades de la A a la Z",
    editorialPolicy: "Política editorial",
    footerLabel: "Pie de página",
    rss: "Canal RSS",
    sitemap: "Mapa del sitio",
    staffSignIn: "Acceso del personal",
    publishedWith: "Publicado con Imprimatur.",
  },
  footerDisclaimer:
    "Nuestros artículos no ofrecen consejo médico. Son información general y no sustituyen la consulta con un profesional de la salud cualificado. En caso de emergencia, llame al número de emergencias de su país.",
  home: {
    metaTitle: `${SITE_NAME}: artículos de salud con revisión médica`,
    heading: "Información de salud que usted puede comprobar",
    intro:
      "Cada artículo lo escriben nuestros redactores, lo revisa un médico cuyas credenciales hemos verificado y enlaza a sus fuentes.",
    howWeWork: "Cómo trabajamos",
    articles: "Artículos",
    empty: "Todavía no se ha publicado ningún artículo. Vuelva pronto.",
  },
  search: {
    label: "Buscar artículos",
    placeholder: "Buscar artículos",
    button: "Buscar",
    siteLandmark: "Sitio",
    againLandmark: "Buscar de nuevo",
    title: "Búsqueda",
    metaTitle: (query) => `Búsqueda: ${query}`,
    emptyPrompt: "Escriba una enfermedad, un síntoma o un tratamiento. También puede consultar las",
    browseConditions: "enfermedades de la A a la Z",
    noMatch: "Ningún artículo publicado coincide con",
    noMatchHelp: "Revise la ortografía, use menos palabras o consulte las",
    pastLastPage: (total, query) =>
      `${total} resultado${total === "1" ? "" : "s"} para «${query}»: esta página está después de la última.`,
    resultsCount: (from, to, total, query, one) =>
      `${one ? "1 resultado" : `Resultados ${from}–${to} de ${total}`} para «${query}»`,
    alsoSearched: "También se buscó",
    forWord: (word) => `(por «${word}»)`,
    alsoKnownAs: "También llamado:",
    updated: "Actualizado el",
    resultPages: "Páginas de resultados",
    previous: "← Anterior",
    next: "Siguiente →",
    pageOf: (page, pages) => `Página ${page} de ${pages}`,
  },
  article: {
    breadcrumb: "Ruta de navegación",
    writtenBy: "Escrito por",
    medicallyReviewedBy: "Revisión médica de",
    on: "el",
    reviewDue: "(revisión pendiente: se espera una nueva revisión médica)",
    overdueStrong: "Esta página debe revisarse.",
    overdueRest:
      "Ya ha pasado la fecha prevista para su revisión médica; mientras la comprobamos, puede que no refleje los datos científicos más recientes.",
    lastModifiedOn: "Última modificación:",
    firstPublishedOn: "Publicado por primera vez:",
    policyLink: "Cómo escribimos, revisamos y actualizamos los artículos",
    verified: "Verificado",
    thisVersion: "Esta versión",
    details: "detalles",
    contentHash: "SHA-256 del contenido",
    approval: "aprobación",
    verifyLink: "Verificar esta versión",
    disclaimerLabel: "Aviso médico",
    disclaimerStrong: "Este artículo no ofrece consejo médico.",
    disclaimerRest:
      "Es solo información general y no sustituye la consulta con un médico u otro profesional de la salud cualificado, que puede tener en cuenta su situación. Si cree que puede tener una emergencia médica, llame de inmediato al número de emergencias de su país.",
    disclaimerPolicyBefore: "Sepa cómo se escriben, se revisan y se mantienen al día nuestros artículos en nuestra",
    disclaimerPolicyLink: "política editorial",
    moreArticles: "Más artículos",
    related: "Artículos relacionados",
    recent: "Artículos recientes",
    references: "Referencias",
    backToCitation: (n, i, count) => ` Volver a la cita ${n}${count > 1 ? ` (${i} de ${count})` : ""} en el texto`,
    languages: "Otros idiomas",
    readIn: (language) => `Leer en ${language}`,
    sourceUpdated: (language, date) => `La versión en ${language} se actualizó el ${date}.`,
    sourceUpdatedHelp: "Estamos actualizando esta traducción, que volverá a recibir una revisión médica.",
    notFoundTitle: "Artículo no encontrado",
    notFound:
      "No hemos encontrado ese artículo. Puede que haya cambiado de nombre, que se haya retirado para actualizarlo o que la dirección esté mal escrita.",
    browseAll: "Ver todos los artículos",
  },
  card: { reviewedBy: (name) => `Revisión médica de ${name} · `, lastModified: "Última modificación:" },
  history: {
    heading: "Historial de actualizaciones",
    notPublished: "Aún no se ha publicado.",
    firstPublished: "Primera publicación.",
    updated: "Actualizado.",
    reviewedBy: "Revisión médica de",
    withdrawn: (date) => `(retirado el ${date})`,
  },
  feedback: {
    heading: "¿Le resultó útil este artículo?",
    thanks: "Gracias por su opinión. Nos ayuda a mantener este artículo exacto y claro.",
    leaveEmpty: "Deje este campo vacío",
    answer: "Su respuesta",
    yes: "Sí",
    no: "No",
    whatWasWrong: "Si no, ¿qué estaba mal?",
    reasons: {
      INACCURATE: "Inexacto",
      OUTDATED: "Desactualizado",
      UNCLEAR: "Poco claro",
      TYPO_OR_BROKEN_LINK: "Errata o enlace roto",
      OTHER: "Otro",
    },
    comment: "Comentario (opcional)",
    commentHint: (max) => `Hasta ${max} caracteres. No incluya datos personales sobre su salud.`,
    email: "Correo electrónico (opcional, solo si desea una respuesta)",
    consent: "Pueden usar esta dirección para responderme sobre esta opinión.",
    send: "Enviar opinión",
  },
  conditions: {
    title: "Enfermedades de la A a la Z",
    description:
      "Todas las enfermedades sobre las que tenemos un artículo con revisión médica, de la A a la Z, con sus otros nombres.",
    letters: "Letras",
    other: "Otras",
    see: "ver",
  },
  policy: {
    title: "Política editorial",
    description: `Cómo ${SITE_NAME} escribe, revisa médicamente, documenta y actualiza sus artículos de salud.`,
    summary: `Lo que puede esperar de cada artículo de ${SITE_NAME} y cómo nos aseguramos de que cada promesa de la página sea cierta.`,
    sections: [
      {
        id: "writing",
        heading: "Cómo se escriben los artículos",
        paragraphs: [
          "Nuestros redactores escriben los artículos a partir de fuentes fiables: investigación revisada por pares, guías clínicas y organismos de salud pública. Cada afirmación que se basa en una fuente lleva una cita numerada que enlaza con la lista de referencias al final del artículo, y cada referencia enlaza con la fuente.",
        ],
      },
      {
        id: "review",
        heading: "Revisión médica",
        paragraphs: [
          "Antes de publicar un artículo, un revisor médico comprueba exactamente la versión que usted leerá. Los revisores tienen una acreditación profesional (como una licencia o colegiación médica) que nuestros administradores verifican, incluido el organismo que la emite y su fecha de caducidad. Un revisor no puede aprobar un artículo que haya escrito o editado.",
          "La línea «Revisión médica de» nombra al revisor y las titulaciones que tenía el día en que aprobó el artículo. Si el texto cambia después de la aprobación, esta deja de valer y el artículo debe revisarse de nuevo antes de publicar el cambio.",
        ],
      },
      {
        id: "sources",
        heading: "Fuentes y originalidad",
        paragraphs: [
          "No se puede publicar un artículo mientras una cita remita a una referencia inexistente o una referencia no tenga enlace. Antes de publicarla, cada versión se compara con otros artículos y con fuentes externas; no publicamos texto copiado.",
        ],
      },
      {
        id: "dates",
        heading: "Fechas de cada artículo",
        paragraphs: [],
        terms: [
          { term: "Revisión médica … el", meaning: "el día en que el revisor aprobó la versión que está leyendo." },
          { term: "Última modificación", meaning: "el día en que se publicó esa versión." },
          { term: "Publicado por primera vez", meaning: "el día en que apareció el artículo." },
        ],
        after: [
          "Los artículos publicados se someten a una nueva revisión médica a intervalos regulares y se actualizan cuando cambian los datos científicos.",
        ],
      },
      {
        id: "translations",
        heading: "Traducciones",
        paragraphs: [
          "Cada traducción recibe su propia revisión médica, de un revisor acreditado para su idioma, y queda ligada a la versión del original a partir de la cual se hizo. Cuando el original se actualiza, la traducción lo indica hasta que se pone al día y se revisa de nuevo.",
        ],
      },
      {
        id: "feedback",
        heading: "Correcciones y opiniones",
        paragraphs: [
          "Use «¿Le resultó útil este artículo?» al final de cualquier artículo para avisarnos de contenido inexacto, desactualizado o poco claro. Cada aviso queda ligado a la versión que usted leyó. Un artículo no puede volver a publicarse mientras siga abierto un aviso de que es inexacto o está desactualizado.",
        ],
      },
      {
        id: "advice",
        heading: "No es consejo médico",
        paragraphs: [
          "Nuestros artículos no ofrecen consejo, diagnóstico ni tratamiento médico. Consulte siempre a un médico u otro profesional de la salud cualificado sobre su propia salud y, en caso de emergencia, llame al número de emergencias de su país.",
        ],
      },
    ],
  },
};
