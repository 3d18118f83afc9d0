## Ragihandinên bênav: navên ku forma ragihandinê, şopandin û rûpelên moderatoran parve dikin.

tip-subject-recruiter = Kesekî ku mirovan dixapîne û leşker dike
tip-subject-agency = Ajans an şirketeke rêwîtiyê
tip-subject-online-channel = Kanal an reklameke înternetê
tip-subject-recruited-person = Kesekî ku hatiye leşkerkirin
tip-subject-other = Tiştekî din

governorate-anbar = Enbar
governorate-babil = Babil
governorate-baghdad = Bexda
governorate-basra = Besre
governorate-dhi-qar = Zîqar
governorate-diyala = Diyale
governorate-duhok = Dihok
governorate-erbil = Hewlêr
governorate-halabja = Helebce
governorate-karbala = Kerbela
governorate-kirkuk = Kerkûk
governorate-maysan = Meysan
governorate-muthanna = Musenna
governorate-najaf = Necef
governorate-nineveh = Neynewa
governorate-qadisiyyah = Qadisiye
governorate-saladin = Selahedîn
governorate-sulaymaniyah = Silêmanî
governorate-wasit = Wasit

platform-telegram = Telegram
platform-whatsapp = WhatsApp
platform-facebook = Facebook
platform-tiktok = TikTok
platform-instagram = Instagram
platform-website = Malper
platform-other = Din

tip-status-new = Nû
tip-status-in-review = Di lênihêrînê de
tip-status-actioned = Kar li ser hat kirin
tip-status-dismissed = Hat redkirin
tip-status-closed = Girtî

tip-public-status-received = Hat wergirtin: moderatorek dê zû bixwîne.
tip-public-status-in-review = Di lênihêrînê de: moderatorek li ser dixebite.
tip-public-status-closed = Girtî: spas ji bo ragihandina te.

error-invalid-tip = Berî şandina ragihandinê divê hin qad bên rastkirin.
error-invalid-phone-number = Ev hejmara telefonê ne rast e. Wekî ku tu lê dixî binivîse, mînak 0750 123 4567.
error-invalid-message = Peyamekê heta 5000 tîpan binivîse.
error-image-unsupported = Tenê wêneyên JPEG, PNG û WebP dikarin bên pêvekirin.
error-image-too-large = Ev wêne pir mezin e. Her wêne dikare heta 10 MB û 40 megapîksel be.
error-image-too-many-pixels = Di vî wêneyî de pîksel pir in. Her wêne dikare heta 40 megapîksel be.
error-image-corrupt = Ev wêne xirab bûye û nayê xwendin.
error-too-many-images = Wêne pir in. Ragihandinek her carê heta 5 wêneyan û bi tevahî heta 20 wêneyan digire.
error-receipt-malformed = Meqbûz 16 reqem e. Ji kerema xwe tiştê ku te nivîsî kontrol bike.
error-receipt-unknown = Ragihandineke bi vê meqbûzê tune. Ji kerema xwe reqeman kontrol bike.
error-follow-up-expired = Ji bo ewlehiya te ragihandin piştî demekê hat girtin. Meqbûza xwe dîsa binivîse.

mail-new-tip-subject = Sened: tiştekî nû ji bo lênihêrînê heye
mail-new-tip-body =
    Silav { $name },

    Di rêza ragihandinan de tiştekî nû heye. Têkeve Senedê da ku bixwînî:

    { $link }

    Ev e-name tu carî naveroka ragihandinekê nahewîne.

## Rûpel: forma ragihandinê, meqbûz, şopandin û rûpelên ragihandinan ên moderatoran.

home-follow-up = Te berê ragihandinek şandiye? Bi meqbûza xwe wê bişopîne.

report-intro = Tiştê ku tu dizanî ji me re bêje. Ne pêwîst e ku tu navê xwe binivîsî, û tu dikarî her pirsa ku bersiva wê nizanî derbas bikî.
report-privacy-title = Sened çi diparêze, û tu carî çi naparêze
report-privacy-nothing = Ne hesab, ne navnîşana IP û ne cookie: tiştek nîşan nade ka kê ragihandin şandiye.
report-privacy-encrypted = Nivîs û wêneyên te bi şîfrekirî tên tomarkirin û tenê moderator dikarin wan bixwînin.
report-privacy-pictures = Agahiyên veşartî yên di hundirê wêneyan de, wek cihê ku wêne lê hatiye kişandin, berî ku tiştek were tomarkirin tên rakirin.
report-privacy-draft = Tiştê ku tu dinivîsî heta ku tu wê bişînî tenê di vê tabloya gerokê de dimîne, ji ber vê yekê heke rûpel ji nû ve were barkirin winda nabe. Wêne tu carî nayên parastin.
report-subject = Ragihandina te li ser çi ye?
report-description = Çi qewimî?
report-description-hint = Tiştê ku tu dizanî rave bike: kî, çi, li ku û kengî, û te çawa ev yek zanî.
report-count = { $count } / { $max } { $max ->
    [one] tîp
   *[other] tîp
}
report-more = Hûrguliyên zêdetir (ne mecbûrî)
report-more-hint = Nav, hejmar û hesab alîkariya moderatoran dikin ku ragihandinên li ser heman leşkergirî bi hev ve girê bidin.
report-names = Nav
report-names-hint = Nav, paşnav an leqeb, wek ku mirov wan bi kar tînin.
report-name-n = Nav { $n }
report-phones = Hejmarên telefonê
report-phones-hint = Wekî ku tu lê dixî, mînak 0750 123 4567 an +964 750 123 4567.
report-phone-n = Hejmara telefonê { $n }
report-accounts = Hesab, kanal an girêdanên înternetê
report-account-platform-n = Hesabê { $n } li ku ye?
report-account-handle-n = Nav, @nasname an girêdana hesabê { $n }
report-agency = Navê ajans an şirketê
report-governorate = Parêzgeh
report-governorate-none = Ez ne bawer im
report-place = Bajar, qeza an cih
report-month = Bi qasî kengî? (meh û sal)
report-month-hint = Mehek bi texmînî bes e.
report-submit = Ragihandinê bişîne
report-wait = Bêyî JavaScript ev form { $seconds ->
    [one] çirkeyek
   *[other] { $seconds } çirke
} piştî vekirina rûpelê dikare were şandin: ev bendemayîn karûbarê ji şandina otomatîk diparêze.
report-pictures-again = Te wêne hilbijartin lê ew bi formê re nehatin parastin. Berî şandinê wan dîsa hilbijêre.
report-working = Ragihandina te tê amadekirin…
report-working-why = Telefona te hesabekî kurt dike ku Senedê ji lehiya ragihandinên sexte yên otomatîk diparêze. Çend çirke dikişîne; ji kerema xwe vê rûpelê vekirî bihêle.
report-working-estimate = Li ser vê amûrê bi gelemperî nêzî { $usual } dikişîne (deqe:çirke); heta niha { $elapsed }.
report-sending = Ragihandina te tê şandin…
report-network = Ragihandin nehat şandin. Girêdana xwe ya înternetê kontrol bike û dîsa biceribîne; tiştê ku te nivîsî parastî ye.

report-sent-title = Ragihandina te hat şandin. Spas.
report-receipt-label = Meqbûza te:
report-receipt-explain = Ev meqbûz riya tenê ye ku tu vegerî ragihandina xwe, bersivên moderatoran bixwînî û agahiyan zêde bikî. Nayê vegerandin: Sened nizane kîjan meqbûz ya te ye û nikare wê dîsa ji te re bişîne.
report-receipt-keep = Wê li cihekî biparêze ku tenê tu bigihîjiyê. Her kesê ku wê hebe dikare axaftina li ser ragihandina te bixwîne.
report-copy = Kopî bike
report-copied = Hat kopîkirin.
report-copy-failed = Ev nebû. Ji kerema xwe meqbûzê li ser kaxezekê binivîse.
report-share = Parve bike an di sepanek din de biparêze
report-save-file = Wek pelekê tomar bike
report-receipt-file =
    Meqbûza Senedê: { $receipt }

    Ji bo şopandina ragihandina xwe, { $address } veke û vê meqbûzê binivîse.
    Wê veşartî bihêle: her kesê ku wê hebe dikare axaftina li ser ragihandina te bixwîne.
report-done = Temam

form-problem-required = Ji kerema xwe vê qadê dagire.
form-problem-choose-subject = Ji kerema xwe hilbijêre ka ragihandina te li ser çi ye.
form-problem-too-long = Ev pir dirêj e. Ji kerema xwe kurt bike.
form-problem-too-many = Li vir têketin pir in. Heta 10 têne qebûlkirin.
form-problem-invalid-account = Ji kerema xwe navek, @nasnameyek an girêdanek binivîse.
form-problem-invalid-date = Ji kerema xwe mehek û salekê ji 1990 û pê ve hilbijêre.
pictures-label = Wêne (ne mecbûrî)
pictures-hint = Wêneyên ekranê yên reklam an axaftinan alîkar in. JPEG, PNG an WebP, her yek heta 10 MB, herî zêde { $max ->
    [one] wêneyek
   *[other] { $max } wêne
}.

follow-up-title = Ragihandina xwe bişopîne
follow-up-intro = Meqbûza ku te dema şandina ragihandinê wergirt binivîse.
follow-up-receipt = Meqbûz
follow-up-receipt-hint = 16 reqem. Valahî û xêzik ne girîng in.
follow-up-open = Ragihandina min veke
follow-up-privacy = Meqbûza te li ser vê amûrê nayê tomarkirin. Ji bo ewlehiya te ragihandin piştî 20 deqîqeyan bi xwe tê girtin.
follow-up-status = Rewş
follow-up-received-on = Di { $date } de hat şandin
follow-up-public-message = Nîşeyek ji moderatoran
follow-up-conversation = Axaftin
follow-up-no-messages = Hêj peyam tune ne.
follow-up-you = Tu
follow-up-moderator = Moderatorê Senedê
follow-up-caseworker = Karmendê dosyayê yê Senedê
follow-up-message = Peyama te ji moderatoran re
follow-up-case-message = Peyama te ji karmendê dosyayê re
follow-up-send = Peyamê bişîne
follow-up-sent = Peyama te hat şandin.
follow-up-pictures = Wêneyan zêde bike
follow-up-pictures-count = Wêneyên di ragihandina te de: { $count }. { $left ->
    [one] Tu dikarî wêneyekî din zêde bikî.
   *[other] Tu dikarî { $left } wêneyên din zêde bikî.
}
follow-up-pictures-added = Wêne hatin zêdekirin.

staff-nav-tips = Ragihandin
tips-filter-status = Rewş
tips-filter-all = Hemû
tips-empty = Ragihandin tune ne.
tips-older = Ragihandinên kevintir
tips-awaiting-reply = Li benda bersivê
tip-title = Ragihandin { $id }
tip-back = Vegere ragihandinan
tip-subject = Mijar
tip-status = Rewş
tip-received = Hat wergirtin
tip-language = Zimanê ragihîner
tip-governorate = Parêzgeh
tip-place = Cih
tip-agency = Ajans an şirket
tip-month = Bi qasî kengî
tip-names = Nav
tip-phones = Hejmarên telefonê
tip-accounts = Hesabên înternetê
tip-not-given = Nehatiye gotin
tip-description = Çi qewimî
tip-pictures = Wêne
tip-no-pictures = Wêne tune ne.
tip-picture-n = Wêne { $n }, bi mezinahiya tevahî veke
tip-linked = Ragihandinên ku hejmareke telefonê an hesabekî parve dikin
tip-linked-none = Tu ragihandineke din bi vê re hejmareke telefonê an hesabekî parve nake.
tip-linked-shared = Hevpar:
tip-linked-count = { $count ->
    [one] 1 ragihandineke din hejmareke telefonê an hesabekî bi vê re parve dike.
   *[other] { $count } ragihandinên din hejmareke telefonê an hesabekî bi vê re parve dikin; yên herî zêde hevpar pêşî tên.
}
tip-linked-more = { $count ->
    [one] 1 yê din nîşan bide
   *[other] { $count } yên din nîşan bide
}
tip-conversation = Axaftina bi ragihîner re
tip-no-messages = Hêj peyam tune ne.
tip-author-tipster = Ragihîner
tip-author-moderator = Moderator
tip-reply = Bersiva ragihîner bide
tip-reply-hint = Ragihîner dema ku bi meqbûza xwe vedigere wê dixwîne. Tu carî navê wî/wê an cihê ku lê dijî nepirse.
tip-send-reply = Bersivê bişîne
tip-status-title = Rewş û nîşeyek ji ragihîner re
tip-public-message = Nîşeya ku ragihîner dibîne
tip-public-message-hint = Li ser rûpela şopandinê ya ragihîner, li jora axaftinê tê nîşandan. Vala bihêle da ku tu nîşe neyê nîşandan.
tip-save-status = Tomar bike
follow-up-content-removed = Ev ragihandin hate girtin û piştî dema ku Sened ragihandinên girtî diparêze, nivîs, wêne û axaftina wê hatin jêbirin. Tenê rewş û dîrokên wê mane.
tip-wiped = Naveroka vê ragihandinê di { $date } de li gorî qaîdeya parastinê hate jêbirin; rewş, dîrok û etîketên wê mane.
