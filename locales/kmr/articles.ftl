## Gotarên hişyariyê: tiştê ku ji edîtoran re tê gotin dema tomarkirin tê redkirin.

error-invalid-article = Hin qadên gotarê divê bên rastkirin.
error-slug-taken = Ev navnîşan (slug) jixwe ji bo gotarek an kampanyayek din tê bikaranîn. Yekî din hilbijêre.
error-edit-conflict = Piştî ku te ev gotar vekir, kesek din ew tomar kir. Wê ji nû ve veke da ku guhertinên wî bibînî, paşê guhertinên xwe dîsa bike.

## Xwendin: /learn û /learn/<slug>.

learn-intro = Çima tevlîbûna artêşeke biyanî xeternak e û li dijî qanûna Iraqê ye, leşkergir çawa dixebitin, û li ku alîkarî heye. Gotarên ku tu vedikî bê girêdanê jî li ser vê telefonê têne xwendin.
learn-categories = Mijar
learn-category-all = Hemû mijar
learn-category-law = Qanûn û cezayên wê
learn-category-recruiters = Leşkergir çawa dixebitin
learn-category-reality = Çi tê serê leşkerkiriyan
learn-category-families = Malbat dikarin çi bikin
learn-category-reporting = Bi ewlehî ragihandin
learn-category-help = Alîkarî wergirtin
learn-featured = Taybet
learn-empty = Hê li ser vê mijarê gotar tune.
learn-pages = Rûpelên gotaran
learn-page-previous = Gotarên berê
learn-page-next = Gotarên din
learn-page-of = Rûpel { $page } ji { $pages }
learn-fallback-short = Hê bi zimanê te nîne: bi erebî tê nîşandan.
learn-fallback = Ev gotar hê bi zimanê te tune, ji ber vê bi erebî tê nîşandan.
learn-available-in = Bi van zimanan heye:
learn-back = Hemû gotar
learn-share = Gotarê parve bike
learn-share-link = Girêdana gotarê
learn-offline = Tu ne girêdayî înternetê yî. Gotarên ku te berê vekirine hê dixebitin.

## Rûpelên edîtoran: /staff/articles û /staff/articles/<id>.

staff-nav-articles = Gotar
articles-empty = Hê gotar tune.
article-status-draft = Reşnivîs
article-status-in-review = Di vekolînê de
article-status-published = Weşandî
article-status-archived = Arşîvkirî
article-needs-review = Li benda vekolîna axêverekî zikmakî ye
article-missing-languages = Zimanên kêm: { $languages }
article-new = Gotareke nû binivîse
article-slug = Navnîşan di girêdanê de (slug)
article-slug-hint = Tîpên latînî yên biçûk, hejmar û xêzikên yekane, wekî the-law-and-its-penalties.
article-category = Mijar
article-create = Reşnivîsê çêke
campaigns-title = Kampanya
campaigns-empty = Hê kampanya tune.
campaign-articles = { $count ->
    [one] { $count } gotar
   *[other] { $count } gotar
}
campaign-new = Kampanyayeke nû dest pê bike
campaign-title-in-ar = Sernav bi erebî
campaign-title-in-ckb = Sernav bi soranî
campaign-title-in-kmr = Sernav bi kurmancî
campaign-title-in-en = Sernav bi îngilîzî
campaign-start = Roja yekem
campaign-end = Roja dawî
campaign-create = Kampanyayê çêke
article-back = Hemû gotar
article-review-notice = Ev nivîs bi naveroka destpêkê re hat û li benda vekolîna axêverekî zikmakî ye. Piştî vekolînê nîşanê ji mîhengan rake.
article-checklist = Berî weşandinê
article-ready = Tiştek rê li ber weşandinê nagire.
article-not-ready = Berî weşandinê divê tiştek were sererastkirin.
article-check-missing = tune (xwendevan nivîsa erebî distînin)
article-check-arabic-required = pêwîst e: hemû xwendevan vedigerin erebî
article-check-required = pêwîst e
article-check-too-long = pir dirêj e
article-field-translation = Werger
article-field-title = Sernav
article-field-summary = Kurte
article-field-body = Nivîs
article-field-image-alt = Danasîna wêneyê
article-status = Rewş
article-visible = xwendevan niha wê dibînin
article-status-change = Rewşê biguherîne
article-scheduled = ji bo { $time } hatiye plankirin
article-publish-at = Dema weşandinê (ne mecbûrî)
article-publish-at-hint = Li gorî dema herêma te. Demeke pêşerojê gotarê plan dike; vala dema wê diparêze an niha diweşîne.
article-status-save = Rewşê tomar bike
article-texts = Nivîs
article-language-missing = (tune)
article-title = Sernav
article-summary = Kurte
article-body = Nivîs
article-body-hint = Markdown: **stûr**, ## sernav, - lîste, [girêdan](https://…). Wêne tenê ji barkirina jêrîn.
article-picture = Wêne
article-picture-alt = Danasîna wêneyê (ji bo kesên ku nabînin)
article-save-text = Vî zimanî tomar bike
article-preview = Pêşdîtin
article-preview-title = Wekî xwendevan wê bibînin
article-settings = Mîheng
article-campaign = Kampanya
article-no-campaign = Bê kampanya
article-featured = Taybet (pêşî tê nîşandan)
article-save-settings = Mîhengan tomar bike
article-reads = Xwendin di rojekê de (tenê hejmar)
article-no-reads = Hê xwendin tune.
article-history = Dîrok
article-change-created = hat çêkirin
article-change-seeded = ji naveroka destpêkê hat barkirin
article-change-settings = mîheng hatin guhertin
article-change-translation = nivîs hat guhertin
article-change-status = rewş hat guhertin

## Vekolîna wergerên navrûyê
staff-nav-translations = Werger
translations-title = Wergerên ji bo vekolînê
translations-intro = Her nivîsek a navrûyê wekî li benda vekolîna axêverekî zikmakî tê nîşankirin heta ku edîtorek ku wî zimanî dixwîne li vir wê bixwîne û nîşan bike. Nivîsek ku paşê biguhere dîsa li benda vekolînê dimîne.
translations-language = Ziman
translations-only-needing = Tenê nivîsên li benda vekolînê
translations-needing-count = { $count ->
        [0] Ji { $total } nivîsan tu yek li benda vekolînê nîne.
        [one] Ji { $total } nivîsan { $count } li benda vekolînê ye.
       *[other] Ji { $total } nivîsan { $count } li benda vekolînê ne.
    }
translations-reviewed-by = { $name } vekolî
translations-mark-reviewed = Wekî vekolandî nîşan bike
translations-mark-again = Dîsa vekolînê bixwaze
