/**
 * Content of the built-in `vision-workshop` template: three buyer segments of a
 * component manufacturer, each sales stage paired with the buyer step it serves,
 * and ten departments, in English and Italian. Copied from the example scenario
 * so the product never reads ../shared at run time.
 */
export interface Localized {
  en: string;
  it: string;
}

export interface TemplateContent {
  title: Localized;
  segments: {
    key: string;
    name: Localized;
    description: Localized;
    stages: { name: Localized; buyerStep: Localized }[];
  }[];
  departments: { key: string; name: Localized }[];
}

export const VISION_WORKSHOP: TemplateContent = {
  "title": {
    "en": "Sales roadmap vision workshop",
    "it": "Workshop di visione: tabella di marcia di vendita"
  },
  "segments": [
    {
      "key": "oem",
      "name": {
        "en": "OEM design-in",
        "it": "OEM design-in"
      },
      "description": {
        "en": "Engineering-led buyers who design our components into their own products. Long cycles, many technical gates.",
        "it": "Acquirenti guidati dall'ingegneria che progettano i nostri componenti nei loro prodotti. Cicli lunghi, molte verifiche tecniche."
      },
      "stages": [
        {
          "name": {
            "en": "Discover the project",
            "it": "Scoprire il progetto"
          },
          "buyerStep": {
            "en": "Recognises a design need",
            "it": "Riconosce un'esigenza di progetto"
          }
        },
        {
          "name": {
            "en": "Shape the spec",
            "it": "Influenzare la specifica"
          },
          "buyerStep": {
            "en": "Writes the specification",
            "it": "Scrive la specifica"
          }
        },
        {
          "name": {
            "en": "Sample and support evaluation",
            "it": "Campionatura e supporto alla valutazione"
          },
          "buyerStep": {
            "en": "Evaluates samples",
            "it": "Valuta i campioni"
          }
        },
        {
          "name": {
            "en": "Win qualification",
            "it": "Superare la qualifica"
          },
          "buyerStep": {
            "en": "Qualifies the part",
            "it": "Qualifica il componente"
          }
        },
        {
          "name": {
            "en": "Close the design win",
            "it": "Chiudere il design win"
          },
          "buyerStep": {
            "en": "Negotiates supply",
            "it": "Negozia la fornitura"
          }
        },
        {
          "name": {
            "en": "Support the ramp",
            "it": "Supportare il ramp-up"
          },
          "buyerStep": {
            "en": "Ramps production",
            "it": "Avvia la produzione"
          }
        }
      ]
    },
    {
      "key": "channel",
      "name": {
        "en": "Distributors and resellers",
        "it": "Distributori e rivenditori"
      },
      "description": {
        "en": "Channel partners who stock and resell our catalogue. Care about margin, availability and sell-through.",
        "it": "Partner di canale che tengono a magazzino e rivendono il catalogo. Contano margine, disponibilità e sell-through."
      },
      "stages": [
        {
          "name": {
            "en": "Earn a place on the line card",
            "it": "Entrare nel portafoglio"
          },
          "buyerStep": {
            "en": "Plans the line card",
            "it": "Pianifica il portafoglio"
          }
        },
        {
          "name": {
            "en": "Present the partner programme",
            "it": "Presentare il programma partner"
          },
          "buyerStep": {
            "en": "Compares suppliers",
            "it": "Confronta i fornitori"
          }
        },
        {
          "name": {
            "en": "Agree terms",
            "it": "Concordare le condizioni"
          },
          "buyerStep": {
            "en": "Negotiates terms",
            "it": "Negozia le condizioni"
          }
        },
        {
          "name": {
            "en": "Onboard and train",
            "it": "Inserimento e formazione"
          },
          "buyerStep": {
            "en": "Onboards the line",
            "it": "Inserisce la linea"
          }
        },
        {
          "name": {
            "en": "Drive sell-through",
            "it": "Sostenere il sell-through"
          },
          "buyerStep": {
            "en": "Sells through and reorders",
            "it": "Rivende e riordina"
          }
        }
      ]
    },
    {
      "key": "direct",
      "name": {
        "en": "Direct replacement buyers",
        "it": "Acquisti diretti di ricambio"
      },
      "description": {
        "en": "Procurement-led buyers replacing parts in installed equipment. Short, price- and availability-driven cycles.",
        "it": "Acquisti guidati dall'ufficio acquisti per ricambi su impianti installati. Cicli brevi, guidati da prezzo e disponibilità."
      },
      "stages": [
        {
          "name": {
            "en": "Be found first",
            "it": "Farsi trovare per primi"
          },
          "buyerStep": {
            "en": "A part fails or runs low",
            "it": "Un pezzo si guasta o scarseggia"
          }
        },
        {
          "name": {
            "en": "Quote fast and right",
            "it": "Offerta rapida e corretta"
          },
          "buyerStep": {
            "en": "Requests quotes",
            "it": "Chiede offerte"
          }
        },
        {
          "name": {
            "en": "Take the order",
            "it": "Acquisire l'ordine"
          },
          "buyerStep": {
            "en": "Places the order",
            "it": "Emette l'ordine"
          }
        },
        {
          "name": {
            "en": "Deliver and assist",
            "it": "Consegnare e assistere"
          },
          "buyerStep": {
            "en": "Receives and installs",
            "it": "Riceve e installa"
          }
        }
      ]
    }
  ],
  "departments": [
    {
      "key": "sales",
      "name": {
        "en": "Sales",
        "it": "Vendite"
      }
    },
    {
      "key": "fae",
      "name": {
        "en": "Field application engineering",
        "it": "Ingegneria applicativa"
      }
    },
    {
      "key": "engineering",
      "name": {
        "en": "Engineering",
        "it": "Ingegneria"
      }
    },
    {
      "key": "support",
      "name": {
        "en": "Technical support",
        "it": "Supporto tecnico"
      }
    },
    {
      "key": "marketing",
      "name": {
        "en": "Marketing",
        "it": "Marketing"
      }
    },
    {
      "key": "shipping",
      "name": {
        "en": "Shipping and logistics",
        "it": "Spedizioni e logistica"
      }
    },
    {
      "key": "service",
      "name": {
        "en": "Customer service",
        "it": "Servizio clienti"
      }
    },
    {
      "key": "finance",
      "name": {
        "en": "Finance and credit",
        "it": "Amministrazione e credito"
      }
    },
    {
      "key": "quality",
      "name": {
        "en": "Quality",
        "it": "Qualità"
      }
    },
    {
      "key": "management",
      "name": {
        "en": "Management",
        "it": "Direzione"
      }
    }
  ]
};
