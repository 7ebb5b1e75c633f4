/**
 * Words that say nothing about what a note is about, in English and Italian
 * (after `normalise`: no accents, so "perche" not "perché"). One set for both
 * languages: a note may mix them ("il lead time"), and no word here carries
 * meaning in the other language. Italian elided forms ("l", "dell", "un") are
 * here because `normalise` splits them off at the apostrophe.
 */
const EN = `a an the and or but nor of to in on at by for from with within without into onto over under about
as is are was were be been being am do does did done have has had having will would shall should can could may
might must it its this that these those there here they them their theirs we us our ours you your yours i me my
he she him her his hers who whom whose which what when where why how all any each every some such no not only
own same so than too very just also more most other s t d ll re ve m up out off again then once if while per via
let get gets got make makes made always never ever new need needs`;

const IT = `il lo la i gli le l un uno una un d di del dello della dei degli delle dell da dal dallo dalla dai dagli
dalle dall in nel nello nella nei negli nelle nell a al allo alla ai agli alle all su sul sullo sulla sui sugli
sulle sull con col coi per tra fra e ed o od ma se che chi cui non ne ci vi si mi ti lo gli loro suo sua suoi
sue nostro nostra nostri nostre vostro vostra vostri vostre mio mia miei mie tuo tua tuoi tue questo questa questi
queste quest quello quella quelli quelle quell come dove quando perche anche ancora gia piu meno molto molti molta
molte tanto poco sempre mai ogni tutti tutto tutta tutte qualche alcuni alcune sono e essere era erano sia siano
stato stata stati state ha hanno abbia abbiano avere aver fa fanno fare far c po cosi quindi poi entro
senza verso sotto sopra ciascun ciascuno ciascuna deve devono dev puo possono
bisogno parte`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${EN} ${IT}`.split(/\s+/).filter(Boolean));
