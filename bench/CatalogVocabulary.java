import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The words {@link CatalogGenerator} writes its catalogs with. Every list is written here, in
 * English, French, German and Spanish (in that order in each row, the order of {@link #LOCALES}),
 * so a generated catalog is the same on every machine. Brands, people and model names are made up.
 *
 * <p>With {@link #flipkart(Path)}, English product titles and descriptions come from a Flipkart
 * export instead (the rows in file order, so the same file gives the same catalog); the other
 * locales and every other text keep the built-in words.
 */
final class CatalogVocabulary {

  static final String[] LOCALES = {"en_US", "fr_FR", "de_DE", "es_ES"};

  static final String[][] DEPARTMENTS = {
    {"Clothing", "Vêtements", "Bekleidung", "Ropa"},
    {"Footwear", "Chaussures", "Schuhe", "Calzado"},
    {"Kitchen", "Cuisine", "Küche", "Cocina"},
    {"Home decor", "Décoration", "Wohndeko", "Decoración"},
    {"Furniture", "Mobilier", "Möbel", "Muebles"},
    {"Lighting", "Luminaires", "Beleuchtung", "Iluminación"},
    {"Garden", "Jardin", "Garten", "Jardín"},
    {"Sports", "Sport", "Sport", "Deportes"},
    {"Electronics", "Électronique", "Elektronik", "Electrónica"},
    {"Beauty", "Beauté", "Schönheit", "Belleza"},
    {"Toys", "Jouets", "Spielzeug", "Juguetes"},
    {"Office", "Bureau", "Büro", "Oficina"},
    {"Bags", "Bagagerie", "Taschen", "Bolsos"},
    {"Pets", "Animalerie", "Tierbedarf", "Mascotas"},
    {"Baby", "Bébé", "Baby", "Bebé"},
    {"Tools", "Outillage", "Werkzeug", "Herramientas"}
  };

  /** Five product nouns per department, in the order of {@link #DEPARTMENTS}. */
  static final String[][] NOUNS = {
    {"shirt", "chemise", "Hemd", "camisa"},
    {"jacket", "veste", "Jacke", "chaqueta"},
    {"sweater", "pull", "Pullover", "jersey"},
    {"dress", "robe", "Kleid", "vestido"},
    {"trousers", "pantalon", "Hose", "pantalón"},
    {"sneaker", "basket", "Sneaker", "zapatilla"},
    {"boot", "botte", "Stiefel", "bota"},
    {"sandal", "sandale", "Sandale", "sandalia"},
    {"slipper", "chausson", "Hausschuh", "zapatilla de casa"},
    {"loafer", "mocassin", "Halbschuh", "mocasín"},
    {"kettle", "bouilloire", "Wasserkocher", "hervidor"},
    {"frying pan", "poêle", "Bratpfanne", "sartén"},
    {"mug", "mug", "Becher", "taza"},
    {"teapot", "théière", "Teekanne", "tetera"},
    {"knife", "couteau", "Messer", "cuchillo"},
    {"cushion", "coussin", "Kissen", "cojín"},
    {"vase", "vase", "Vase", "jarrón"},
    {"candle", "bougie", "Kerze", "vela"},
    {"mirror", "miroir", "Spiegel", "espejo"},
    {"rug", "tapis", "Teppich", "alfombra"},
    {"chair", "chaise", "Stuhl", "silla"},
    {"coffee table", "table basse", "Couchtisch", "mesa de centro"},
    {"bookcase", "bibliothèque", "Bücherregal", "estantería"},
    {"sofa", "canapé", "Sofa", "sofá"},
    {"stool", "tabouret", "Hocker", "taburete"},
    {"table lamp", "lampe à poser", "Tischleuchte", "lámpara de mesa"},
    {"floor lamp", "lampadaire", "Stehleuchte", "lámpara de pie"},
    {"pendant light", "suspension", "Pendelleuchte", "lámpara colgante"},
    {"wall light", "applique", "Wandleuchte", "aplique"},
    {"light bulb", "ampoule", "Glühbirne", "bombilla"},
    {"planter", "jardinière", "Pflanzkübel", "maceta"},
    {"garden hose", "tuyau d'arrosage", "Gartenschlauch", "manguera"},
    {"sun lounger", "bain de soleil", "Sonnenliege", "tumbona"},
    {"barbecue", "barbecue", "Grill", "barbacoa"},
    {"watering can", "arrosoir", "Gießkanne", "regadera"},
    {"yoga mat", "tapis de yoga", "Yogamatte", "esterilla de yoga"},
    {"tent", "tente", "Zelt", "tienda de campaña"},
    {"bike helmet", "casque de vélo", "Fahrradhelm", "casco de bicicleta"},
    {"dumbbell", "haltère", "Hantel", "mancuerna"},
    {"water bottle", "gourde", "Trinkflasche", "botella de agua"},
    {"headphones", "casque audio", "Kopfhörer", "auriculares"},
    {"speaker", "enceinte", "Lautsprecher", "altavoz"},
    {"charger", "chargeur", "Ladegerät", "cargador"},
    {"keyboard", "clavier", "Tastatur", "teclado"},
    {"power bank", "batterie externe", "Powerbank", "batería externa"},
    {"face cream", "crème visage", "Gesichtscreme", "crema facial"},
    {"shampoo", "shampooing", "Shampoo", "champú"},
    {"perfume", "parfum", "Parfüm", "perfume"},
    {"hairbrush", "brosse à cheveux", "Haarbürste", "cepillo"},
    {"soap", "savon", "Seife", "jabón"},
    {"jigsaw puzzle", "puzzle", "Puzzle", "puzle"},
    {"teddy bear", "ours en peluche", "Teddybär", "osito de peluche"},
    {"building set", "jeu de construction", "Bauset", "juego de construcción"},
    {"kite", "cerf-volant", "Drachen", "cometa"},
    {"board game", "jeu de société", "Brettspiel", "juego de mesa"},
    {"notebook", "carnet", "Notizbuch", "cuaderno"},
    {"fountain pen", "stylo plume", "Füller", "pluma estilográfica"},
    {"desk lamp", "lampe de bureau", "Schreibtischlampe", "lámpara de escritorio"},
    {
      "desk organiser",
      "organiseur de bureau",
      "Schreibtisch-Organizer",
      "organizador de escritorio"
    },
    {"office chair", "fauteuil de bureau", "Bürostuhl", "silla de oficina"},
    {"backpack", "sac à dos", "Rucksack", "mochila"},
    {"tote bag", "sac cabas", "Tragetasche", "bolso tote"},
    {"suitcase", "valise", "Koffer", "maleta"},
    {"wallet", "portefeuille", "Geldbörse", "cartera"},
    {"duffel bag", "sac de voyage", "Reisetasche", "bolsa de viaje"},
    {"dog bed", "panier pour chien", "Hundebett", "cama para perro"},
    {"cat tree", "arbre à chat", "Kratzbaum", "rascador"},
    {"leash", "laisse", "Leine", "correa"},
    {"pet bowl", "gamelle", "Futternapf", "comedero"},
    {"pet carrier", "caisse de transport", "Transportbox", "transportín"},
    {"stroller", "poussette", "Kinderwagen", "carrito de bebé"},
    {"baby bottle", "biberon", "Babyflasche", "biberón"},
    {"high chair", "chaise haute", "Hochstuhl", "trona"},
    {"baby blanket", "couverture bébé", "Babydecke", "manta de bebé"},
    {"bib", "bavoir", "Lätzchen", "babero"},
    {"drill", "perceuse", "Bohrmaschine", "taladro"},
    {"hammer", "marteau", "Hammer", "martillo"},
    {"screwdriver set", "jeu de tournevis", "Schraubendreher-Set", "juego de destornilladores"},
    {"tape measure", "mètre ruban", "Maßband", "cinta métrica"},
    {"ladder", "échelle", "Leiter", "escalera"}
  };

  static final String[][] ADJECTIVES = {
    {"classic", "classique", "klassisch", "clásico"},
    {"modern", "moderne", "modern", "moderno"},
    {"compact", "compact", "kompakt", "compacto"},
    {"lightweight", "léger", "leicht", "ligero"},
    {"premium", "haut de gamme", "hochwertig", "prémium"},
    {"essential", "essentiel", "unverzichtbar", "esencial"},
    {"vintage", "vintage", "nostalgisch", "vintage"},
    {"minimalist", "minimaliste", "minimalistisch", "minimalista"},
    {"ergonomic", "ergonomique", "ergonomisch", "ergonómico"},
    {"foldable", "pliable", "faltbar", "plegable"},
    {"waterproof", "imperméable", "wasserdicht", "impermeable"},
    {"portable", "portable", "tragbar", "portátil"},
    {"rechargeable", "rechargeable", "wiederaufladbar", "recargable"},
    {"handmade", "fait main", "handgefertigt", "hecho a mano"},
    {"organic", "bio", "biologisch", "orgánico"},
    {"recycled", "recyclé", "recycelt", "reciclado"},
    {"soft", "doux", "weich", "suave"},
    {"sturdy", "robuste", "robust", "resistente"},
    {"elegant", "élégant", "elegant", "elegante"},
    {"rustic", "rustique", "rustikal", "rústico"},
    {"slim", "fin", "schmal", "delgado"},
    {"oversized", "oversize", "übergroß", "extragrande"},
    {"quilted", "matelassé", "gesteppt", "acolchado"},
    {"insulated", "isotherme", "isoliert", "aislado"},
    {"adjustable", "réglable", "verstellbar", "ajustable"},
    {"stackable", "empilable", "stapelbar", "apilable"},
    {"wireless", "sans fil", "kabellos", "inalámbrico"},
    {"silent", "silencieux", "leise", "silencioso"},
    {"heavy-duty", "renforcé", "strapazierfähig", "reforzado"},
    {"everyday", "quotidien", "alltagstauglich", "cotidiano"},
    {"luxury", "luxueux", "luxuriös", "lujoso"},
    {"Scandinavian", "scandinave", "skandinavisch", "escandinavo"},
    {"industrial", "industriel", "industriell", "industrial"},
    {"retro", "rétro", "retro", "retro"},
    {"breathable", "respirant", "atmungsaktiv", "transpirable"},
    {"non-stick", "antiadhésif", "antihaftbeschichtet", "antiadherente"},
    {"eco-friendly", "écologique", "umweltfreundlich", "ecológico"},
    {"textured", "texturé", "strukturiert", "texturizado"},
    {"striped", "rayé", "gestreift", "de rayas"},
    {"matte", "mat", "matt", "mate"},
    {"glossy", "brillant", "glänzend", "brillante"},
    {"padded", "rembourré", "gepolstert", "almohadillado"},
    {"reversible", "réversible", "wendbar", "reversible"},
    {"cordless", "autonome", "akkubetrieben", "sin cable"},
    {"smart", "connecté", "smart", "inteligente"},
    {"durable", "durable", "langlebig", "duradero"},
    {"cosy", "douillet", "gemütlich", "acogedor"},
    {"versatile", "polyvalent", "vielseitig", "versátil"}
  };

  static final String[][] MATERIALS = {
    {"cotton", "coton", "Baumwolle", "algodón"},
    {"linen", "lin", "Leinen", "lino"},
    {"wool", "laine", "Wolle", "lana"},
    {"leather", "cuir", "Leder", "cuero"},
    {"oak", "chêne", "Eiche", "roble"},
    {"walnut", "noyer", "Nussbaum", "nogal"},
    {"bamboo", "bambou", "Bambus", "bambú"},
    {"ceramic", "céramique", "Keramik", "cerámica"},
    {"stoneware", "grès", "Steinzeug", "gres"},
    {"glass", "verre", "Glas", "vidrio"},
    {"stainless steel", "acier inoxydable", "Edelstahl", "acero inoxidable"},
    {"aluminium", "aluminium", "Aluminium", "aluminio"},
    {"cast iron", "fonte", "Gusseisen", "hierro fundido"},
    {"copper", "cuivre", "Kupfer", "cobre"},
    {"brass", "laiton", "Messing", "latón"},
    {"rattan", "rotin", "Rattan", "ratán"},
    {"velvet", "velours", "Samt", "terciopelo"},
    {"silk", "soie", "Seide", "seda"},
    {"denim", "denim", "Denim", "tela vaquera"},
    {"cork", "liège", "Kork", "corcho"},
    {"marble", "marbre", "Marmor", "mármol"},
    {"recycled plastic", "plastique recyclé", "Recyclingkunststoff", "plástico reciclado"},
    {"silicone", "silicone", "Silikon", "silicona"},
    {"polyester", "polyester", "Polyester", "poliéster"},
    {"merino wool", "laine mérinos", "Merinowolle", "lana merino"},
    {"canvas", "toile", "Segeltuch", "lona"},
    {"porcelain", "porcelaine", "Porzellan", "porcelana"},
    {"pine", "pin", "Kiefer", "pino"},
    {"rubber", "caoutchouc", "Gummi", "caucho"},
    {"nylon", "nylon", "Nylon", "nailon"},
    {"concrete", "béton", "Beton", "hormigón"}
  };

  /** The materials that suit each department, as indexes into {@link #MATERIALS}. */
  static final int[][] DEPARTMENT_MATERIALS = {
    {0, 1, 2, 16, 17, 18, 23, 24},
    {3, 25, 28, 23, 19, 2},
    {10, 12, 7, 8, 9, 13, 6, 22, 26},
    {7, 9, 16, 1, 0, 20, 14, 15, 30},
    {4, 5, 27, 15, 11, 16, 20, 3},
    {14, 9, 7, 11, 15, 13, 30, 27},
    {30, 21, 11, 6, 28, 27, 7},
    {29, 23, 21, 11, 28, 22, 19},
    {11, 21, 28, 9, 22, 6},
    {9, 6, 21, 7, 22},
    {27, 6, 0, 21, 2, 29},
    {6, 3, 11, 5, 4, 21, 19},
    {3, 25, 29, 23, 0, 19},
    {0, 29, 23, 28, 7, 10, 27},
    {0, 24, 6, 22, 9, 21},
    {10, 11, 28, 21, 4}
  };

  static final String[][] COLOURS = {
    {"black", "noir", "schwarz", "negro"},
    {"white", "blanc", "weiß", "blanco"},
    {"navy", "bleu marine", "marineblau", "azul marino"},
    {"grey", "gris", "grau", "gris"},
    {"charcoal", "anthracite", "anthrazit", "antracita"},
    {"beige", "beige", "beige", "beis"},
    {"sand", "sable", "sandfarben", "arena"},
    {"cream", "crème", "cremeweiß", "crema"},
    {"red", "rouge", "rot", "rojo"},
    {"burgundy", "bordeaux", "weinrot", "burdeos"},
    {"coral", "corail", "koralle", "coral"},
    {"orange", "orange", "orange", "naranja"},
    {"mustard", "moutarde", "senfgelb", "mostaza"},
    {"yellow", "jaune", "gelb", "amarillo"},
    {"olive", "olive", "oliv", "oliva"},
    {"sage", "vert sauge", "salbeigrün", "verde salvia"},
    {"forest green", "vert forêt", "waldgrün", "verde bosque"},
    {"mint", "menthe", "mintgrün", "menta"},
    {"teal", "bleu canard", "petrol", "verde azulado"},
    {"sky blue", "bleu ciel", "himmelblau", "azul cielo"},
    {"cobalt", "bleu cobalt", "kobaltblau", "azul cobalto"},
    {"lavender", "lavande", "lavendel", "lavanda"},
    {"plum", "prune", "pflaume", "ciruela"},
    {"pink", "rose", "rosa", "rosa"},
    {"terracotta", "terracotta", "terrakotta", "terracota"},
    {"chestnut", "châtaigne", "kastanienbraun", "castaño"},
    {"chocolate", "chocolat", "schokobraun", "chocolate"},
    {"natural", "naturel", "natur", "natural"},
    {"silver", "argent", "silber", "plateado"},
    {"gold", "doré", "gold", "dorado"}
  };

  static final String[] BRANDS = {
    "Northvale",
    "Brightmoor",
    "Calder & Finch",
    "Oakhaven",
    "Lumora",
    "Vellmar",
    "Fjordline",
    "Copperleaf",
    "Stonebridge",
    "Alder & Ash",
    "Marisol",
    "Kestrel",
    "Havenwood",
    "Pinecrest",
    "Solvik",
    "Bramblewick",
    "Orla",
    "Terrano",
    "Windmere",
    "Elmstead",
    "Quarry Lane",
    "Rivet & Rye",
    "Halcyon",
    "Blue Heron",
    "Driftline",
    "Cobaltia",
    "Ferrous",
    "Greywell",
    "Juniper Row",
    "Larkspur",
    "Meadowbank",
    "Nordhem",
    "Oriel",
    "Pellucid",
    "Redfern",
    "Saltmarsh",
    "Thistledown",
    "Umbra Works",
    "Verdant",
    "Wrenfield"
  };

  /** What a product is for: "for {use}", "pour {use}", "für {use}", "para {use}". */
  static final String[][] USES = {
    {"everyday use", "un usage quotidien", "den täglichen Gebrauch", "el uso diario"},
    {"small spaces", "les petits espaces", "kleine Räume", "espacios pequeños"},
    {"travel", "les voyages", "Reisen", "los viajes"},
    {"the office", "le bureau", "das Büro", "la oficina"},
    {
      "outdoor adventures",
      "les aventures en plein air",
      "Abenteuer im Freien",
      "las aventuras al aire libre"
    },
    {"family meals", "les repas en famille", "Familienessen", "las comidas en familia"},
    {"gifting", "offrir", "Geschenke", "regalar"},
    {"cosy evenings", "les soirées au calme", "gemütliche Abende", "las tardes tranquilas"},
    {"weekends away", "les week-ends", "Wochenendausflüge", "las escapadas"},
    {"busy mornings", "les matins pressés", "hektische Morgen", "las mañanas con prisa"},
    {"the garden", "le jardin", "den Garten", "el jardín"},
    {"workouts", "l'entraînement", "das Training", "los entrenamientos"},
    {"children", "les enfants", "Kinder", "los niños"},
    {"professionals", "les professionnels", "Profis", "los profesionales"},
    {"year-round use", "toute l'année", "das ganze Jahr", "todo el año"},
    {"entertaining guests", "recevoir", "Gäste", "recibir invitados"}
  };

  /** What a product comes with: "with {feature}", "avec …", "mit …" (dative), "con …". */
  static final String[][] FEATURES = {
    {"a reinforced base", "une base renforcée", "einem verstärkten Boden", "una base reforzada"},
    {"a removable cover", "une housse amovible", "einem abnehmbaren Bezug", "una funda extraíble"},
    {
      "soft-touch handles",
      "des poignées au toucher doux",
      "griffigen Henkeln",
      "asas de tacto suave"
    },
    {
      "a two-year warranty",
      "une garantie de deux ans",
      "zwei Jahren Garantie",
      "dos años de garantía"
    },
    {"hidden seams", "des coutures invisibles", "verdeckten Nähten", "costuras ocultas"},
    {
      "an adjustable strap",
      "une sangle réglable",
      "einem verstellbaren Riemen",
      "una correa ajustable"
    },
    {
      "a non-slip base",
      "une base antidérapante",
      "einem rutschfesten Boden",
      "una base antideslizante"
    },
    {
      "a magnetic closure",
      "une fermeture magnétique",
      "einem Magnetverschluss",
      "un cierre magnético"
    },
    {
      "a long-lasting battery",
      "une batterie longue durée",
      "einem langlebigen Akku",
      "una batería de larga duración"
    },
    {
      "a hand-applied finish",
      "une finition appliquée à la main",
      "einem von Hand aufgetragenen Finish",
      "un acabado aplicado a mano"
    },
    {
      "a water-repellent coating",
      "un revêtement déperlant",
      "einer wasserabweisenden Beschichtung",
      "un recubrimiento hidrófugo"
    },
    {
      "recycled packaging", "un emballage recyclé", "recycelter Verpackung", "un embalaje reciclado"
    },
    {
      "an easy-clean surface",
      "une surface facile à nettoyer",
      "einer pflegeleichten Oberfläche",
      "una superficie fácil de limpiar"
    },
    {
      "a padded lining",
      "une doublure rembourrée",
      "einem gepolsterten Futter",
      "un forro acolchado"
    },
    {
      "a low-energy motor",
      "un moteur basse consommation",
      "einem sparsamen Motor",
      "un motor de bajo consumo"
    },
    {"USB-C charging", "une recharge USB-C", "USB-C-Ladung", "carga USB-C"},
    {"a wide opening", "une large ouverture", "einer weiten Öffnung", "una amplia abertura"},
    {
      "a dishwasher-safe finish",
      "une finition compatible lave-vaisselle",
      "einer spülmaschinenfesten Oberfläche",
      "un acabado apto para lavavajillas"
    },
    {
      "reinforced stitching", "des coutures renforcées", "verstärkten Nähten", "costuras reforzadas"
    },
    {"a compact footprint", "un faible encombrement", "geringem Platzbedarf", "un tamaño compacto"},
    {"a flexible sole", "une semelle souple", "einer flexiblen Sohle", "una suela flexible"},
    {"a quick-release clip", "une attache rapide", "einem Schnellverschluss", "un cierre rápido"},
    {
      "a tempered glass lid",
      "un couvercle en verre trempé",
      "einem Deckel aus Hartglas",
      "una tapa de vidrio templado"
    },
    {"a lifetime guarantee", "une garantie à vie", "lebenslanger Garantie", "garantía de por vida"}
  };

  /**
   * Sentence templates for descriptions: {adj} {adj2} adjectives, {material}, {use}, {feature}
   * {feature2}, {colour}, {brand}. French, German and Spanish speak of "the model" so that the
   * adjectives, kept in their masculine or predicative form, agree.
   */
  static final String[][] SENTENCES = {
    {
      "This {adj} design is made from {material} and built for {use}.",
      "Ce modèle {adj} en {material} est pensé pour {use}.",
      "Dieses Modell ist {adj}, aus {material} gefertigt und ideal für {use}.",
      "Este modelo {adj} de {material} está pensado para {use}."
    },
    {
      "Made with {feature}, it is ready for {use}.",
      "Doté d'{feature}, ce modèle est prêt pour {use}.",
      "Mit {feature} ist es bereit für {use}.",
      "Con {feature}, está listo para {use}."
    },
    {
      "The {colour} finish goes well with {material} details.",
      "Le coloris {colour} s'accorde avec les détails en {material}.",
      "Die Farbe {Colour} passt gut zu Details aus {material}.",
      "El color {colour} combina con los detalles de {material}."
    },
    {
      "{brand} makes every piece with {feature} and {feature2}.",
      "{brand} fabrique chaque modèle avec {feature} et {feature2}.",
      "{brand} fertigt jedes Modell mit {feature} und {feature2}.",
      "{brand} fabrica cada modelo con {feature} y {feature2}."
    },
    {
      "Choose it for {use}: it is {adj}, {adj2} and easy to care for.",
      "Choisissez-le pour {use} : il est {adj}, {adj2} et facile à entretenir.",
      "Wählen Sie es für {use}: Es ist {adj}, {adj2} und pflegeleicht.",
      "Elíjalo para {use}: es {adj}, {adj2} y fácil de cuidar."
    },
    {
      "Each piece is checked by hand before it leaves the workshop.",
      "Chaque pièce est contrôlée à la main avant de quitter l'atelier.",
      "Jedes Stück wird von Hand geprüft, bevor es die Werkstatt verlässt.",
      "Cada pieza se revisa a mano antes de salir del taller."
    },
    {
      "A {adj} choice for {use}, with {feature}.",
      "Un choix {adj} pour {use}, avec {feature}.",
      "Eine gute Wahl für {use}, {adj} und mit {feature}.",
      "Una opción {adj} para {use}, con {feature}."
    }
  };

  /** Short phrases: taglines, subtitles, collection names. Same placeholders as sentences. */
  static final String[][] PHRASES = {
    {
      "{Adj} {material} {noun} for {use}",
      "{Noun} en {material} pour {use}",
      "{Noun} aus {material} für {use}",
      "{Noun} de {material} para {use}"
    },
    {
      "{Adj} and {adj2}, with {feature}",
      "Modèle {adj} et {adj2}, avec {feature}",
      "{Adj} und {adj2}, mit {feature}",
      "Modelo {adj} y {adj2}, con {feature}"
    },
    {
      "The {adj} {noun} by {brand}",
      "Le modèle {adj} de {brand}",
      "Das Modell von {brand}: {adj} und {adj2}",
      "El modelo {adj} de {brand}"
    }
  };

  /** Product titles: {Brand}, {Adj}/{adj}, {material}, {Noun}/{noun}, {Colour}. */
  static final String[] TITLES = {
    "{brand} {Adj} {material} {noun} – {Colour}",
    "{Noun} {adj} en {material} {brand} – {Colour}",
    "{brand} {Noun} aus {material}, {adj} – {Colour}",
    "{Noun} {adj} de {material} {brand} – {Colour}"
  };

  static final String[][] CARE = {
    {
      "Machine wash at 30 °C.",
      "Lavage en machine à 30 °C.",
      "Maschinenwäsche bei 30 °C.",
      "Lavar a máquina a 30 °C."
    },
    {
      "Wipe clean with a damp cloth.",
      "Nettoyer avec un chiffon humide.",
      "Mit einem feuchten Tuch abwischen.",
      "Limpiar con un paño húmedo."
    },
    {
      "Do not tumble dry.",
      "Ne pas sécher en machine.",
      "Nicht im Trockner trocknen.",
      "No usar secadora."
    },
    {"Hand wash only.", "Lavage à la main uniquement.", "Nur Handwäsche.", "Lavar solo a mano."},
    {
      "Store in a cool, dry place.",
      "Conserver dans un endroit frais et sec.",
      "Kühl und trocken lagern.",
      "Guardar en un lugar fresco y seco."
    },
    {
      "Keep out of direct sunlight to protect the colour.",
      "Éviter la lumière directe du soleil pour préserver la couleur.",
      "Vor direktem Sonnenlicht schützen, damit die Farbe erhalten bleibt.",
      "Evitar la luz solar directa para conservar el color."
    }
  };

  static final String[] WARRANTY = {
    "{n}-year warranty on parts and labour.",
    "Garantie {n} ans pièces et main-d'œuvre.",
    "{n} Jahre Garantie auf Teile und Arbeit.",
    "Garantía de {n} años en piezas y mano de obra."
  };

  static final String[] DELIVERY = {
    "Ships within {n} working days.",
    "Expédié sous {n} jours ouvrés.",
    "Versand innerhalb von {n} Werktagen.",
    "Envío en {n} días laborables."
  };

  /** The second category tree (the mobile channel's): merchandising themes. */
  static final String[][] THEMES = {
    {"New arrivals", "Nouveautés", "Neuheiten", "Novedades"},
    {"Best sellers", "Meilleures ventes", "Bestseller", "Más vendidos"},
    {"Gift ideas", "Idées cadeaux", "Geschenkideen", "Ideas para regalar"},
    {"Deals", "Bons plans", "Angebote", "Ofertas"},
    {"Seasonal picks", "Sélection de saison", "Saisonale Auswahl", "Selección de temporada"},
    {"Trending", "Tendances", "Im Trend", "Tendencias"},
    {"Editor's picks", "Coups de cœur", "Redaktionstipps", "Selección del editor"},
    {"Eco choices", "Choix responsables", "Nachhaltige Wahl", "Opciones sostenibles"},
    {"Last chance", "Dernière chance", "Letzte Chance", "Última oportunidad"},
    {"Bundles", "Lots", "Sets", "Packs"}
  };

  static final String[][] COUNTRIES = {
    {"Portugal", "Portugal", "Portugal", "Portugal"},
    {"Spain", "Espagne", "Spanien", "España"},
    {"France", "France", "Frankreich", "Francia"},
    {"Italy", "Italie", "Italien", "Italia"},
    {"Germany", "Allemagne", "Deutschland", "Alemania"},
    {"Poland", "Pologne", "Polen", "Polonia"},
    {"Romania", "Roumanie", "Rumänien", "Rumanía"},
    {"Türkiye", "Turquie", "Türkei", "Turquía"},
    {"Morocco", "Maroc", "Marokko", "Marruecos"},
    {"Tunisia", "Tunisie", "Tunesien", "Túnez"},
    {"India", "Inde", "Indien", "India"},
    {"Bangladesh", "Bangladesh", "Bangladesch", "Bangladés"},
    {"Vietnam", "Viêt Nam", "Vietnam", "Vietnam"},
    {"China", "Chine", "China", "China"},
    {"Japan", "Japon", "Japan", "Japón"},
    {"South Korea", "Corée du Sud", "Südkorea", "Corea del Sur"},
    {"Taiwan", "Taïwan", "Taiwan", "Taiwán"},
    {"Thailand", "Thaïlande", "Thailand", "Tailandia"},
    {"Indonesia", "Indonésie", "Indonesien", "Indonesia"},
    {"United States", "États-Unis", "Vereinigte Staaten", "Estados Unidos"},
    {"Mexico", "Mexique", "Mexiko", "México"},
    {"Brazil", "Brésil", "Brasilien", "Brasil"},
    {"Peru", "Pérou", "Peru", "Perú"},
    {"United Kingdom", "Royaume-Uni", "Vereinigtes Königreich", "Reino Unido"},
    {"Sweden", "Suède", "Schweden", "Suecia"},
    {"Denmark", "Danemark", "Dänemark", "Dinamarca"},
    {"Netherlands", "Pays-Bas", "Niederlande", "Países Bajos"},
    {"Czechia", "Tchéquie", "Tschechien", "Chequia"},
    {"Egypt", "Égypte", "Ägypten", "Egipto"},
    {"Pakistan", "Pakistan", "Pakistan", "Pakistán"}
  };

  static final String[][] SIZES = {
    {"XXS", "XXS", "XXS", "XXS"},
    {"XS", "XS", "XS", "XS"},
    {"S", "S", "S", "S"},
    {"M", "M", "M", "M"},
    {"L", "L", "L", "L"},
    {"XL", "XL", "XL", "XL"},
    {"XXL", "XXL", "XXL", "XXL"},
    {"3XL", "3XL", "3XL", "3XL"},
    {"One size", "Taille unique", "Einheitsgröße", "Talla única"},
    {"EU 36", "EU 36", "EU 36", "EU 36"},
    {"EU 37", "EU 37", "EU 37", "EU 37"},
    {"EU 38", "EU 38", "EU 38", "EU 38"},
    {"EU 39", "EU 39", "EU 39", "EU 39"},
    {"EU 40", "EU 40", "EU 40", "EU 40"},
    {"EU 41", "EU 41", "EU 41", "EU 41"},
    {"EU 42", "EU 42", "EU 42", "EU 42"},
    {"EU 43", "EU 43", "EU 43", "EU 43"},
    {"EU 44", "EU 44", "EU 44", "EU 44"},
    {"EU 45", "EU 45", "EU 45", "EU 45"},
    {"EU 46", "EU 46", "EU 46", "EU 46"}
  };

  static final String[][] PATTERNS = {
    {"plain", "uni", "einfarbig", "liso"},
    {"striped", "rayé", "gestreift", "de rayas"},
    {"checked", "à carreaux", "kariert", "de cuadros"},
    {"floral", "fleuri", "geblümt", "floral"},
    {"geometric", "géométrique", "geometrisch", "geométrico"},
    {"polka dot", "à pois", "gepunktet", "de lunares"},
    {"herringbone", "chevrons", "Fischgrät", "espiga"},
    {"paisley", "cachemire", "Paisley", "cachemir"},
    {"camouflage", "camouflage", "Tarnmuster", "camuflaje"},
    {"abstract", "abstrait", "abstrakt", "abstracto"},
    {"animal print", "imprimé animal", "Animal-Print", "estampado animal"},
    {"tie-dye", "tie and dye", "Batik", "tie-dye"}
  };

  static final String[][] FINISHES = {
    {"matte", "mat", "matt", "mate"},
    {"glossy", "brillant", "glänzend", "brillante"},
    {"satin", "satiné", "seidenmatt", "satinado"},
    {"brushed", "brossé", "gebürstet", "cepillado"},
    {"polished", "poli", "poliert", "pulido"},
    {"lacquered", "laqué", "lackiert", "lacado"},
    {"oiled", "huilé", "geölt", "aceitado"},
    {"waxed", "ciré", "gewachst", "encerado"},
    {"raw", "brut", "unbehandelt", "en bruto"},
    {"painted", "peint", "lackiert farbig", "pintado"},
    {"powder-coated", "thermolaqué", "pulverbeschichtet", "con recubrimiento en polvo"},
    {"antiqued", "patiné", "antik", "envejecido"}
  };

  static final String[][] STYLES = {
    {"modern", "moderne", "modern", "moderno"},
    {"classic", "classique", "klassisch", "clásico"},
    {"Scandinavian", "scandinave", "skandinavisch", "escandinavo"},
    {"industrial", "industriel", "industriell", "industrial"},
    {"bohemian", "bohème", "Boho", "bohemio"},
    {"minimalist", "minimaliste", "minimalistisch", "minimalista"},
    {"rustic", "rustique", "rustikal", "rústico"},
    {"art deco", "art déco", "Art déco", "art déco"},
    {"mid-century", "années 50", "Mid-Century", "mid-century"},
    {"coastal", "bord de mer", "maritim", "costero"},
    {"farmhouse", "campagne", "Landhaus", "rural"},
    {"Japandi", "japandi", "Japandi", "japandi"}
  };

  static final String[][] SEASONS = {
    {"spring", "printemps", "Frühling", "primavera"},
    {"summer", "été", "Sommer", "verano"},
    {"autumn", "automne", "Herbst", "otoño"},
    {"winter", "hiver", "Winter", "invierno"},
    {"all seasons", "toutes saisons", "ganzjährig", "todas las temporadas"},
    {"holidays", "fêtes", "Feiertage", "fiestas"}
  };

  static final String[][] ENERGY_CLASSES = {
    {"A", "A", "A", "A"},
    {"B", "B", "B", "B"},
    {"C", "C", "C", "C"},
    {"D", "D", "D", "D"},
    {"E", "E", "E", "E"},
    {"F", "F", "F", "F"},
    {"G", "G", "G", "G"}
  };

  static final String[][] AGE_GROUPS = {
    {"baby", "bébé", "Baby", "bebé"},
    {"toddler", "tout-petit", "Kleinkind", "niño pequeño"},
    {"child", "enfant", "Kind", "niño"},
    {"teen", "ado", "Teenager", "adolescente"},
    {"adult", "adulte", "Erwachsene", "adulto"},
    {"senior", "senior", "Senioren", "mayor"}
  };

  static final String[][] SHAPES = {
    {"round", "rond", "rund", "redondo"},
    {"square", "carré", "quadratisch", "cuadrado"},
    {"rectangular", "rectangulaire", "rechteckig", "rectangular"},
    {"oval", "ovale", "oval", "ovalado"},
    {"triangular", "triangulaire", "dreieckig", "triangular"},
    {"hexagonal", "hexagonal", "sechseckig", "hexagonal"},
    {"cylindrical", "cylindrique", "zylindrisch", "cilíndrico"},
    {"conical", "conique", "konisch", "cónico"},
    {"organic", "organique", "organisch", "orgánico"},
    {"irregular", "irrégulier", "unregelmäßig", "irregular"}
  };

  static final String[][] FITS = {
    {"slim", "ajusté", "schmal", "entallado"},
    {"regular", "droit", "normal", "normal"},
    {"relaxed", "décontracté", "locker", "holgado"},
    {"oversized", "oversize", "oversized", "oversize"},
    {"tapered", "fuselé", "konisch", "cónico"},
    {"straight", "coupe droite", "gerade", "recto"},
    {"wide", "large", "weit", "ancho"},
    {"cropped", "court", "verkürzt", "corto"}
  };

  static final String[][] ROOMS = {
    {"living room", "salon", "Wohnzimmer", "salón"},
    {"bedroom", "chambre", "Schlafzimmer", "dormitorio"},
    {"kitchen", "cuisine", "Küche", "cocina"},
    {"bathroom", "salle de bain", "Badezimmer", "baño"},
    {"dining room", "salle à manger", "Esszimmer", "comedor"},
    {"home office", "bureau", "Arbeitszimmer", "despacho"},
    {"hallway", "entrée", "Flur", "recibidor"},
    {"garden", "jardin", "Garten", "jardín"},
    {"balcony", "balcon", "Balkon", "balcón"},
    {"children's room", "chambre d'enfant", "Kinderzimmer", "habitación infantil"},
    {"garage", "garage", "Garage", "garaje"},
    {"terrace", "terrasse", "Terrasse", "terraza"}
  };

  static final String[][] CERTIFICATIONS = {
    {"FSC", "FSC", "FSC", "FSC"},
    {"OEKO-TEX", "OEKO-TEX", "OEKO-TEX", "OEKO-TEX"},
    {"GOTS", "GOTS", "GOTS", "GOTS"},
    {"Fairtrade", "Fairtrade", "Fairtrade", "Fairtrade"},
    {"EU Ecolabel", "Écolabel européen", "EU Ecolabel", "Etiqueta ecológica de la UE"},
    {"Energy Star", "Energy Star", "Energy Star", "Energy Star"},
    {"CE", "CE", "CE", "CE"},
    {"Cradle to Cradle", "Cradle to Cradle", "Cradle to Cradle", "Cradle to Cradle"},
    {"B Corp", "B Corp", "B Corp", "B Corp"},
    {"Vegan", "Vegan", "Vegan", "Vegano"}
  };

  static final String[][] DEVICES = {
    {"smartphone", "smartphone", "Smartphone", "smartphone"},
    {"tablet", "tablette", "Tablet", "tableta"},
    {"laptop", "ordinateur portable", "Laptop", "portátil"},
    {"smartwatch", "montre connectée", "Smartwatch", "reloj inteligente"},
    {"desktop computer", "ordinateur de bureau", "Desktop-PC", "ordenador de sobremesa"},
    {"games console", "console de jeux", "Spielkonsole", "videoconsola"},
    {"smart speaker", "enceinte connectée", "smarter Lautsprecher", "altavoz inteligente"},
    {"e-reader", "liseuse", "E-Reader", "lector electrónico"},
    {"camera", "appareil photo", "Kamera", "cámara"},
    {"television", "téléviseur", "Fernseher", "televisor"}
  };

  static final String[] FIRST_NAMES = {
    "Anna", "Louis", "Sofia", "Mateo", "Emma", "Lukas", "Clara", "Hugo", "Elena", "Jonas", "Marta",
    "Noah", "Inès", "Felix", "Léa", "Pablo", "Nora", "Théo", "Alba", "Oscar"
  };

  static final String[] LAST_NAMES = {
    "Moreau", "Schneider", "García", "Lindqvist", "Rossi", "Dubois", "Becker", "Navarro", "Jensen",
    "Costa", "Laurent", "Weber", "Ortega", "Hansen", "Marchetti", "Fontaine", "Vogel", "Serrano",
    "Nilsson", "Bauer"
  };

  static final String[] MODEL_NAMES = {
    "Aria",
    "Nova",
    "Atlas",
    "Orion",
    "Luna",
    "Vega",
    "Sierra",
    "Delta",
    "Terra",
    "Nimbus",
    "Cirrus",
    "Halo",
    "Zephyr",
    "Solace",
    "Ember",
    "Tundra",
    "Pioneer",
    "Summit",
    "Harbor",
    "Meridian"
  };

  /** Attribute labels by the stem of their code: English, French, German, Spanish. */
  static final String[][] ATTRIBUTE_LABELS = {
    {"name", "Name", "Nom", "Name", "Nombre"},
    {"gtin", "GTIN", "GTIN", "GTIN", "GTIN"},
    {"product_description", "Description", "Description", "Beschreibung", "Descripción"},
    {"list_price", "List price", "Prix public", "Listenpreis", "Precio"},
    {"manufacturer", "Brand", "Marque", "Marke", "Marca"},
    {"net_weight", "Net weight", "Poids net", "Nettogewicht", "Peso neto"},
    {"tagline", "Tagline", "Accroche", "Slogan", "Eslogan"},
    {"subtitle", "Subtitle", "Sous-titre", "Untertitel", "Subtítulo"},
    {"seo_title", "SEO title", "Titre SEO", "SEO-Titel", "Título SEO"},
    {"model_code", "Model code", "Code modèle", "Modellcode", "Código de modelo"},
    {"keywords", "Keywords", "Mots-clés", "Schlüsselwörter", "Palabras clave"},
    {"alt_text", "Image alt text", "Texte alternatif", "Alternativtext", "Texto alternativo"},
    {
      "supplier_ref",
      "Supplier reference",
      "Référence fournisseur",
      "Lieferantenreferenz",
      "Referencia del proveedor"
    },
    {"designer", "Designer", "Designer", "Designer", "Diseñador"},
    {"collection", "Collection", "Collection", "Kollektion", "Colección"},
    {
      "mpn",
      "Manufacturer part number",
      "Référence fabricant",
      "Herstellerteilenummer",
      "Número de pieza"
    },
    {"search_terms", "Search terms", "Termes de recherche", "Suchbegriffe", "Términos de búsqueda"},
    {"model_name", "Model name", "Nom du modèle", "Modellname", "Nombre del modelo"},
    {
      "short_description",
      "Short description",
      "Description courte",
      "Kurzbeschreibung",
      "Descripción breve"
    },
    {
      "care_instructions", "Care instructions", "Conseils d'entretien", "Pflegehinweise", "Cuidados"
    },
    {"key_features", "Key features", "Points forts", "Highlights", "Características"},
    {"composition", "Composition", "Composition", "Zusammensetzung", "Composición"},
    {"marketing_copy", "Marketing copy", "Texte marketing", "Werbetext", "Texto de marketing"},
    {
      "warranty_terms",
      "Warranty terms",
      "Conditions de garantie",
      "Garantiebedingungen",
      "Garantía"
    },
    {"usage_tips", "Usage tips", "Conseils d'utilisation", "Anwendungstipps", "Consejos de uso"},
    {"delivery_note", "Delivery note", "Livraison", "Lieferhinweis", "Entrega"},
    {"colour", "Colour", "Couleur", "Farbe", "Color"},
    {"main_material", "Main material", "Matière principale", "Hauptmaterial", "Material principal"},
    {"country_of_origin", "Country of origin", "Pays d'origine", "Herkunftsland", "País de origen"},
    {"size", "Size", "Taille", "Größe", "Talla"},
    {"pattern", "Pattern", "Motif", "Muster", "Estampado"},
    {"finish", "Finish", "Finition", "Oberfläche", "Acabado"},
    {"style", "Style", "Style", "Stil", "Estilo"},
    {"supplier", "Supplier", "Fournisseur", "Lieferant", "Proveedor"},
    {"season", "Season", "Saison", "Saison", "Temporada"},
    {
      "energy_class",
      "Energy class",
      "Classe énergétique",
      "Energieeffizienzklasse",
      "Clase energética"
    },
    {"age_group", "Age group", "Tranche d'âge", "Altersgruppe", "Grupo de edad"},
    {"shape", "Shape", "Forme", "Form", "Forma"},
    {"fit", "Fit", "Coupe", "Passform", "Corte"},
    {"materials", "Materials", "Matières", "Materialien", "Materiales"},
    {"rooms", "Rooms", "Pièces", "Räume", "Estancias"},
    {"certifications", "Certifications", "Certifications", "Zertifizierungen", "Certificaciones"},
    {"colours", "Available colours", "Coloris disponibles", "Verfügbare Farben", "Colores"},
    {
      "compatible_devices",
      "Compatible devices",
      "Appareils compatibles",
      "Kompatible Geräte",
      "Compatible con"
    },
    {"properties", "Properties", "Propriétés", "Eigenschaften", "Propiedades"},
    {"occasions", "Ideal for", "Idéal pour", "Ideal für", "Ideal para"},
    {"styles", "Styles", "Styles", "Stile", "Estilos"},
    {"warranty_years", "Warranty (years)", "Garantie (ans)", "Garantie (Jahre)", "Garantía (años)"},
    {
      "pack_quantity", "Pack quantity", "Quantité par lot", "Packungsinhalt", "Unidades por paquete"
    },
    {"customer_rating", "Customer rating", "Note client", "Kundenbewertung", "Valoración"},
    {"pieces", "Number of pieces", "Nombre de pièces", "Teile", "Piezas"},
    {
      "recycled_content",
      "Recycled content (%)",
      "Part recyclée (%)",
      "Recyclinganteil (%)",
      "Reciclado (%)"
    },
    {"minimum_age", "Minimum age", "Âge minimum", "Mindestalter", "Edad mínima"},
    {"discount_rate", "Discount rate (%)", "Remise (%)", "Rabatt (%)", "Descuento (%)"},
    {"lead_time_days", "Lead time (days)", "Délai (jours)", "Lieferzeit (Tage)", "Plazo (días)"},
    {"gross_weight", "Gross weight", "Poids brut", "Bruttogewicht", "Peso bruto"},
    {"length", "Length", "Longueur", "Länge", "Longitud"},
    {"width", "Width", "Largeur", "Breite", "Anchura"},
    {"height", "Height", "Hauteur", "Höhe", "Altura"},
    {"capacity", "Capacity", "Contenance", "Fassungsvermögen", "Capacidad"},
    {"power", "Power", "Puissance", "Leistung", "Potencia"},
    {"voltage", "Voltage", "Tension", "Spannung", "Voltaje"},
    {"battery_life", "Battery life", "Autonomie", "Akkulaufzeit", "Autonomía"},
    {"noise_level", "Noise level", "Niveau sonore", "Geräuschpegel", "Nivel de ruido"},
    {"luminous_flux", "Luminous flux", "Flux lumineux", "Lichtstrom", "Flujo luminoso"},
    {
      "max_temperature",
      "Maximum temperature",
      "Température maximale",
      "Höchsttemperatur",
      "Temperatura máxima"
    },
    {"storage_capacity", "Storage", "Stockage", "Speicher", "Almacenamiento"},
    {"surface_area", "Surface area", "Surface", "Fläche", "Superficie"},
    {"sale_price", "Sale price", "Prix soldé", "Aktionspreis", "Precio rebajado"},
    {"msrp", "Recommended price", "Prix conseillé", "UVP", "Precio recomendado"},
    {"trade_price", "Trade price", "Prix revendeur", "Händlerpreis", "Precio mayorista"},
    {"eco_contribution", "Eco contribution", "Éco-participation", "Umweltabgabe", "Ecotasa"},
    {
      "dishwasher_safe",
      "Dishwasher safe",
      "Lave-vaisselle",
      "Spülmaschinenfest",
      "Apto para lavavajillas"
    },
    {"waterproof", "Waterproof", "Étanche", "Wasserdicht", "Impermeable"},
    {"eco_friendly", "Eco-friendly", "Écoresponsable", "Nachhaltig", "Ecológico"},
    {
      "assembly_required",
      "Assembly required",
      "Montage requis",
      "Montage nötig",
      "Requiere montaje"
    },
    {
      "batteries_included",
      "Batteries included",
      "Piles incluses",
      "Batterien enthalten",
      "Pilas incluidas"
    },
    {"gift_wrap", "Gift wrap", "Emballage cadeau", "Geschenkverpackung", "Envoltorio"},
    {"vegan", "Vegan", "Vegan", "Vegan", "Vegano"},
    {"handmade", "Handmade", "Fait main", "Handgemacht", "Hecho a mano"},
    {
      "machine_washable",
      "Machine washable",
      "Lavable en machine",
      "Waschmaschinenfest",
      "Lavable a máquina"
    },
    {"recyclable", "Recyclable", "Recyclable", "Recycelbar", "Reciclable"},
    {"release_date", "Release date", "Date de sortie", "Erscheinungsdatum", "Fecha de lanzamiento"},
    {"end_of_life", "End of life", "Fin de commercialisation", "Auslaufdatum", "Fin de venta"},
    {
      "first_available",
      "First available",
      "Disponible depuis",
      "Erhältlich seit",
      "Disponible desde"
    },
    {"season_start", "Season start", "Début de saison", "Saisonbeginn", "Inicio de temporada"},
    {"certified_on", "Certified on", "Certifié le", "Zertifiziert am", "Certificado el"}
  };

  private static final java.util.Map<String, String[]> LABELS_BY_STEM = new java.util.HashMap<>();

  static {
    for (String[] row : ATTRIBUTE_LABELS) {
      LABELS_BY_STEM.put(row[0], java.util.Arrays.copyOfRange(row, 1, 5));
    }
  }

  static String[] attributeLabels(String stem) {
    String[] labels = LABELS_BY_STEM.get(stem);
    if (labels == null) {
      throw new IllegalArgumentException("No labels for the attribute stem " + stem);
    }
    return labels;
  }

  /** An English product title and the sentences of its description, from a file's row. */
  record Row(String title, List<String> sentences) {}

  /** What the manifest says about the vocabulary. */
  final String description;

  /** English titles and descriptions to use instead of built-in ones; empty for the built-in. */
  final List<Row> rows;

  private CatalogVocabulary(String description, List<Row> rows) {
    this.description = description;
    this.rows = rows;
  }

  static CatalogVocabulary builtIn() {
    int words =
        DEPARTMENTS.length
            + NOUNS.length
            + ADJECTIVES.length
            + MATERIALS.length
            + COLOURS.length
            + BRANDS.length
            + USES.length
            + FEATURES.length
            + THEMES.length
            + COUNTRIES.length
            + PATTERNS.length
            + FINISHES.length
            + STYLES.length
            + ROOMS.length
            + DEVICES.length;
    return new CatalogVocabulary(
        "{\"kind\":\"built-in\",\"locales\":[\"en_US\",\"fr_FR\",\"de_DE\",\"es_ES\"],"
            + "\"entries\":"
            + words
            + "}",
        List.of());
  }

  /**
   * English titles and descriptions from a Flipkart export ({@code product_name}, {@code
   * description}), rows in file order; rows without a name are skipped.
   */
  static CatalogVocabulary flipkart(Path csv) throws IOException {
    var digest = sha256();
    List<Row> rows = new ArrayList<>();
    try (InputStream in = new DigestInputStream(Files.newInputStream(csv), digest);
        CSVParser parser =
            CSVParser.parse(
                in,
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord record : parser) {
        String title = oneLine(record.get("product_name"));
        if (title.isEmpty()) {
          continue;
        }
        List<String> sentences = new ArrayList<>();
        for (String sentence :
            oneLine(record.get("description")).split("(?<=[.!?])\\s+(?=\\p{Lu})")) {
          if (sentence.length() >= 20) {
            sentences.add(fit(sentence, 300));
          }
        }
        if (sentences.isEmpty()) {
          sentences.add(fit(title, 300));
        }
        rows.add(new Row(fit(title, 90), List.copyOf(sentences)));
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(csv + " has no row with a product_name");
    }
    return new CatalogVocabulary(
        "{\"kind\":\"flipkart-csv\",\"file\":"
            + CatalogGenerator.quote(csv.getFileName().toString())
            + ",\"sha256\":\""
            + HexFormat.of().formatHex(digest.digest())
            + "\",\"rows\":"
            + rows.size()
            + ",\"locales_from_file\":[\"en_US\"]}",
        List.copyOf(rows));
  }

  /** Whitespace of any kind, control characters included, as single spaces; trimmed. */
  static String oneLine(String text) {
    var out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)
          || Character.isISOControl(c)
          || Character.isSpaceChar(c)
          || Character.isSurrogate(c) && !validSurrogate(text, i)) {
        space = true;
      } else {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))
        || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  /** The text cut at a word boundary so that it has at most {@code max} code points. */
  static String fit(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, max);
    int space = text.lastIndexOf(' ', end);
    String cut = text.substring(0, space > max / 2 ? space : end);
    if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.strip();
  }

  /** A catalog code for a word: lower case letters and digits, words joined by underscores. */
  static String code(String word) {
    String ascii =
        java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
