// The demo article's Spanish translation (issue 23), translated from the English revision 1 block by block: the
// same headings, paragraphs and lists in the same places, the same citations on the same sentences (the reference
// list is the English article's, titles in their original language). And the English revision 2 that went live
// after it: one more medicine in the treatment list, so the translation shows "source changed" out of the box.
import { JCM_REVIEW, MEDLINEPLUS, b, cite, demoArticle, h2, p, t, ul, type DemoDoc } from "./calcinosis-cutis";

export const DEMO_TRANSLATION_SLUG = "calcinosis-cutis-es";

export const demoArticleEs = {
  slug: DEMO_TRANSLATION_SLUG,
  title: "Calcinosis cutánea: causas, síntomas, tratamiento y diagnóstico",
  conditionName: "Calcinosis cutánea",
  alternativeNames: ["Calcificación cutánea", "Depósitos de calcio en la piel"],
  summary:
    "La calcinosis cutánea es una enfermedad poco frecuente en la que se acumulan depósitos de calcio en la piel. " +
    "Conozca sus cuatro tipos, qué la causa, qué signos vigilar y cómo se diagnostica y se trata.",
  changeSummary: "Primera traducción al español.",
  body: {
    type: "doc",
    content: [
      h2("¿Qué es?"),
      p(
        t("La calcinosis cutánea es una enfermedad en la que se acumulan sales de calcio en la piel"),
        cite(MEDLINEPLUS),
        t(
          ". Los depósitos suelen estar en la piel o justo debajo de ella, pero pueden llegar a tejidos más profundos, como el músculo y, en algunas personas, los órganos internos.",
        ),
      ),
      p(
        t(
          "Es poco frecuente y afecta por igual a hombres y mujeres. Los depósitos pequeños pueden no causar ninguna molestia. Los más grandes pueden doler, deformar la zona, " +
            "abrirse y formar llagas (úlceras) y, en casos raros, provocar gangrena.",
        ),
      ),

      h2("Tipos"),
      p(
        t("Los médicos distinguen cuatro tipos de calcinosis cutánea según lo que la desencadena"),
        cite(JCM_REVIEW),
        t(":"),
      ),
      ul(
        [
          b("Distrófica."),
          t(
            " Es el tipo más frecuente. El calcio se deposita en un tejido que ya estaba dañado, por ejemplo por una inflamación, un cáncer o la muerte del tejido (necrosis). Los niveles de calcio y fosfato en la sangre son normales.",
          ),
        ],
        [
          b("Metastásica."),
          t(
            " La sangre lleva demasiado calcio y fosfato, y las sales de calcio salen de ella hacia un tejido que estaba sano.",
          ),
        ],
        [
          b("Idiopática."),
          t(" No se encuentra ninguna causa: el tejido no estaba dañado y los niveles en la sangre son normales."),
        ],
        [
          b("Yatrogénica."),
          t(
            " La causa es un medicamento o un procedimiento médico, como una inyección de calcio o de fosfato. Suele desaparecer cuando termina ese tratamiento.",
          ),
        ],
      ),

      h2("Causas"),
      p(
        t(
          "Los depósitos se forman cuando el calcio y el fosfato se combinan en cristales duros que el cuerpo no puede eliminar con facilidad. Entre los daños que pueden dar lugar al tipo distrófico están:",
        ),
      ),
      ul(
        [t("el acné")],
        [t("las enfermedades del tejido conjuntivo")],
        [t("las infecciones de la piel")],
        [t("las lesiones de la piel (traumatismos)")],
        [t("los tumores, benignos o malignos")],
        [t("las varices")],
      ),
      p(
        t(
          "En el tipo metastásico, el desencadenante no es un daño local sino un nivel alto de calcio y fosfato en la sangre.",
        ),
      ),

      h2("Síntomas"),
      p(
        t(
          "El signo habitual es uno o varios bultos firmes y blancos en la piel. Los pequeños se llaman pápulas y los más grandes, nódulos; pueden crecer poco a poco. Con el tiempo:",
        ),
      ),
      ul(
        [t("un bulto puede abrirse en forma de úlcera y dejar salir un material blanquecino")],
        [t("la zona puede doler o deformarse")],
        [t("los depósitos cercanos a una articulación pueden ponerla rígida y limitar su movimiento")],
      ),

      h2("Diagnóstico"),
      p(
        t(
          "El profesional sanitario examina la piel y pregunta por su salud, sus medicamentos y los procedimientos recientes. Después, varias pruebas ayudan a saber el tipo y la causa",
        ),
        cite(JCM_REVIEW),
        t(":"),
      ),
      ul(
        [b("Los análisis de sangre"), t(" miden el calcio y el fosfato.")],
        [
          b("Las pruebas de imagen"),
          t(", como las radiografías, muestran el tamaño y la profundidad de los depósitos."),
        ],
        [
          b("La biopsia"),
          t(", en la que se examina al microscopio una pequeña muestra de piel, confirma el diagnóstico."),
        ],
      ),

      h2("Tratamiento"),
      p(
        t(
          "El tratamiento empieza por la enfermedad que causa los depósitos, porque controlar la causa puede impedir que se formen otros nuevos",
        ),
        cite(MEDLINEPLUS),
        t(". Entre los medicamentos que pueden probarse están:"),
      ),
      ul([t("los corticoides")], [t("la colchicina")], [t("los bisfosfonatos")], [t("el diltiazem")]),
      p(
        t("La cirugía para quitar los depósitos se deja como último recurso"),
        cite(JCM_REVIEW),
        t(
          ". La propia operación puede empeorar la enfermedad, y los depósitos suelen volver a aparecer después de extirparlos.",
        ),
      ),

      h2("Pronóstico"),
      p(
        t(
          "La calcinosis cutánea causada por un medicamento o un procedimiento suele desaparecer cuando termina ese tratamiento. En los demás tipos, el pronóstico depende de la enfermedad " +
            "que causa los depósitos y de lo bien que pueda controlarse. Consulte a un profesional sanitario si un bulto de la piel crece, duele o se abre.",
        ),
      ),
    ],
  } satisfies DemoDoc,
};

const MEDICINES_BEFORE = JSON.stringify(
  ul([t("corticosteroids")], [t("colchicine")], [t("bisphosphonates")], [t("diltiazem")]),
);

/** English revision 2: sodium thiosulfate joins the medicines that may be tried; nothing else changes. */
export const demoArticleUpdate = {
  changeSummary: "Added sodium thiosulfate to the medicines that may be tried.",
  body: {
    type: "doc",
    content: demoArticle.body.content.map((block) =>
      JSON.stringify(block) === MEDICINES_BEFORE
        ? ul(
            [t("corticosteroids")],
            [t("colchicine")],
            [t("bisphosphonates")],
            [t("diltiazem")],
            [t("sodium thiosulfate, applied to the skin or injected into the deposits")],
          )
        : block,
    ),
  } satisfies DemoDoc,
};
