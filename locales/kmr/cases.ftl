## Dosyayên windayan: navên ku forma malbatê, şopandin û rûpelên karmendên dosyayan parve dikin.

error-invalid-case = Berî şandina ragihandinê divê hin qad bên rastkirin.

case-status-reported = Hat ragihandin
case-status-under-review = Di lênihêrînê de
case-status-information-sought = Agahî tê xwestin
case-status-located-alive = Sax hat dîtin
case-status-in-contact = Têkilî pê re hat danîn
case-status-returned = Vegeriya welêt
case-status-deceased = Jiyana xwe ji dest daye
case-status-closed = Girtî

case-close-duplicate = Dubareya dosyayeke din e
case-close-withdrawn = Malbatê paşve kişand
case-close-resolved = Çareser bû

case-consent-committee = Tenê komîte
case-consent-government = Komîte û saziyên din ên hikûmeta Iraqê
case-consent-humanitarian = Herwiha rêxistinên mirovî yên navneteweyî yên wek ICRC

sex-female = Jin
sex-male = Mêr

## Rûpelên karmendên dosyayan: lîste, rûpela dosyayê û guhertina PFIF.

staff-nav-cases = Dosya
cases-exchange-link = Danûstandin bi saziyên hevkar re (PFIF)
cases-search = Li gorî navê bigere
cases-search-button = Navî bibîne
cases-search-hint = Her navekî zincîra navan, navê dayikê an nivîsîna latînî, bi tîpên erebî, kurdî an latînî.
cases-search-results = Dosyayên ku li «{ $words }» tên
cases-search-clear = Vegere hemû dosyayan
cases-filter-status = Rewş
cases-filter-governorate = Parêzgeh
cases-filter-from = Ragihandî ji
cases-filter-to = Ragihandî heta
cases-empty = Tu dosya li hev nayên.
cases-older = Dosyayên kevintir nîşan bide
cases-open-matches = { $count ->
    [one] { $count } dubareya gengaz
   *[other] { $count } dubareyên gengaz
}
case-wiped-name = Daneyên kesane hatin jêbirin

case-back = Vegere dosyayan
case-heading = Dosya
case-title = Dosya { $number }
case-merged-into = Ev dosya wek dubare hat girtin.
case-merged-into-link = Dosyaya ku tê de hat yekkirin veke
case-deceased-pending = Karmendekî dosyayan pêşniyar kir ku ev kes wek miriyî were tomarkirin; divê karmendekî duyem wê piştrast bike.
case-number = Hejmara dosyayê
case-reported-on = Roja ragihandinê
case-consent = Malbat destûr dide ku were parvekirin bi
case-wiped = Daneyên kesane yên vê dosyayê di { $day } de li gorî qaîdeya parastinê hatin jêbirin; tenê hejmar û dîrokên wê man.
case-photo = Wêne
case-photo-alt = Wêneya kesê winda
case-person = Kesê winda
case-names = Nav (nav, bav, bapîr, paşnav)
case-mother = Navê dayikê
case-latin = Nav bi tîpên latînî
case-sex = Zayend
case-birth = Dîroka jidayikbûnê (temen)
case-residence = Cihê jiyanê
case-phones = Hejmarên telefona wî/wê
case-left-on = Roja çûyînê
case-destination = Cihê çûyînê
case-recruiter = Yê ku ew leşker kir
case-recruiter-phones = Hejmarên telefona yê ku ew leşker kir
case-last-contact = Têkiliya dawî
case-last-location = Cihê dawî yê naskirî
case-marks = Nîşanên cuda
case-reporter = Kesê ku radigihîne
case-reporter-name = Nav
case-reporter-relationship = Têkiliya bi kesê winda re
case-reporter-phone = Hejmara telefonê

case-notes = Not
case-no-notes = Hêj tu not tune ne.
case-note-status-changed = Rewş guhert.
case-partner = Ji saziyeke hevkar
case-partner-record = Tomara wan
case-partner-source = Çavkanî
case-partner-source-date = Dîroka guhertoya wan
case-partner-expiry = Piştî vê tê jêbirin
case-partner-fields = Hemû qadên ku şandine (navên PFIF)
case-note-linked-case = Nivîskarê notê dibêje ev heman kesê dosyayeke din e: wan berhev bike
case-note-linked-record = Nivîskarê notê dibêje ev heman kesê tomarê ye
case-add-note = Notekê zêde bike
case-add-note-hint = Tenê ji bo karmendên dosyayan; malbat notan qet nabîne.
case-save-note = Notê tomar bike

case-conversation = Peyamên bi malbatê re
case-conversation-hint = Malbat van peyaman dixwîne dema ku bi meqbûza xwe vedigere.
case-author-caseworker = Karmendê dosyayê
case-author-family = Malbat
case-reply = Ji malbatê re binivîse
case-reply-hint = Bi gotinên hêsan û nerm: malbat vê peyamê di rûpela şopandinê de dibîne.

case-status-title = Rewş
case-deceased-rule = Ji bo tomarkirina kesekî wek miriyî du karmendên dosyayan pêwîst in: yê yekem pêşniyar dike, yê duyem piştrast dike (guhertina rêveberekî yekser derbas dibe).
case-deceased-waiting = Pêşniyar hat tomarkirin: li benda piştrastkirina karmendekî duyem e.
case-close-reason = Sedema girtinê
case-close-choose = Sedemekê hilbijêre

case-duplicates = Dubareyên gengaz
case-duplicates-hint = Ragihandinên xizmên cuda li ser heman kesî, bi berhevkirina navan di nav nivîsîn û tîpên cuda de hatine dîtin.
case-duplicates-none = Tu dubareyên gengaz nehatin dîtin.
case-duplicates-refresh = Dîsa li dubareyan bigere
case-match-score = Xal { $score } ji 100
case-match-open = Li benda biryarê
case-match-merged = Hat yekkirin
case-match-dismissed = Ne heman kes e
case-merge = Yek bike
case-dismiss = Ne heman kes e
case-compare = Her du dosyayan berhev bike
case-match-likely = Belkî zêde heman kes e
case-match-possible = Dibe ku heman kes be
case-match-unlikely = Belkî zêde ne heman kes e
case-mark-same = wek hev
case-mark-variant = nivîsîneke din, an nêzîk
case-mark-differs = cuda
case-mark-unknown = di herduyan de nehatiye dayîn
case-mark-governorate = Parêzgeh
case-mark-phones = Hejmarên telefonê yên malbatê
compare-marks = Qad bi qad
compare-back = Vegere dosyayê
compare-heading = Du dosya li kêleka hev
compare-title = Dosya { $first } û dosya { $second }
compare-legend = ✔ wek hev · ≈ nivîsîneke din, an nêzîk · ✘ cuda · – di herduyan de nehatiye dayîn
compare-field = Qad
compare-mark = Berhevkirin
compare-wiped = Daneyên kesane yên yek ji van dosyayan hatine jêbirin; tiştek ji bo berhevkirinê nemaye.
compare-reasons = Çima berhevker ew kirin cot
compare-no-longer = Ev her du dosya êdî wek dubarebûneke gengaz nehatine cotkirin: tiştek ji bo biryarê tune.
compare-decide = Biryara te
compare-keep = Kîjan dosya vekirî dimîne
compare-keep-case = Dosya { $number }, di { $day } de hatiye ragihandin
compare-reason = Çima ew heman kes in?
compare-reason-hint = Ji bo yekkirinê pêwîst e: bêje kîjan rastî li hev tên, ji bo kesê ku dosyayê paşê dixwîne.
compare-reason-needed = Berî yekkirinê binivîse çima her du dosya yên heman kesî ne.
compare-merged = Dosya { $duplicate } di dosya { $kept } de hatiye yekkirin: wek dubare hatiye girtin, tiştek nehatiye jêbirin.
compare-merged-now = Hate yekkirin.
compare-dismissed = Ev dosya wek du kesên cuda hatine nîşankirin. Heke şaşî bû, tu hê dikarî wan yek bikî.
compare-dismissed-now = Wek du kesên cuda hatin nîşankirin.
compare-unmerge = Yekkirinê rake
compare-unmerge-confirm = Yekkirina dosya { $duplicate } ji dosya { $kept } rake? Ew rewşa xwe û her tiştê ku tê de hatibû dîsa distîne.
compare-unmerged = Yekkirin hate rakirin: her du dosya wek berî yekkirinê ne.

case-position-given = Nav
case-position-father = Navê bav
case-position-grandfather = Navê bapîr
case-position-great-grandfather = Navê bavê bapîr
case-position-family = Paşnav
case-reason-name-chain = { $compared ->
    [one] { $matched } ji { $compared } navê zincîrê li hev tê.
   *[other] { $matched } ji { $compared } navên zincîrê li hev tên.
}
case-reason-name-exact = { $position }: heman nav.
case-reason-name-variant = { $position }: nivîsînên naskirî yên heman navî.
case-reason-name-phonetic = { $position }: bi tîpên cuda heman deng.
case-reason-name-fuzzy = { $position }: tîpek cuda ye, dibe ku şaşiya nivîsînê be.
case-reason-name-different = { $position }: navên cuda.
case-reason-latin-spelling = { $matched ->
    [one] Navek tenê bi rêya nivîsîna latînî li hev tê.
   *[other] { $matched } nav tenê bi rêya nivîsîna latînî li hev tên.
}
case-reason-swapped-given-father = Wisa xuya dike ku nav û navê bav cih guhertine: şaşiya nivîsînê an du xizm.
case-reason-relative-sibling = Heman bav lê navê cuda: dibe ku xwişk û bira bin.
case-reason-relative-parent-child = Bav û bapîrê yekî navên yê din in: dibe ku dê an bav û zarok bin.
case-reason-mother-same = Navê dayikê heman e.
case-reason-mother-given-only = Navê dayikê heman e; di ragihandinekê de navê bavê wê tune.
case-reason-mother-fuzzy = Navên dayikê nêzîk in lê ne heman in.
case-reason-mother-different = Navên dayikê cuda ne.
case-reason-birth-same-date = Heman dîroka jidayikbûnê.
case-reason-birth-same-year = Heman sala jidayikbûnê.
case-reason-birth-close = Di navbera jidayikbûnan de salek an du sal hene.
case-reason-birth-different = Di navbera jidayikbûnan de sê heta neh sal hene.
case-reason-birth-far-apart = Di navbera jidayikbûnan de deh sal an zêdetir hene: ne heman kes e.
case-reason-sex-differs = Zayend cuda ye.
case-reason-phone = { $shared ->
    [one] { $shared } hejmara telefonê ya hevpar
   *[other] { $shared } hejmarên telefonê yên hevpar
}
case-reason-phones-differ = Di her du ragihandinan de hejmarên telefonê hene, û yek jî ne wek hev e.
case-reason-governorate-same = Heman parêzgeh.
case-reason-governorate-different = Parêzgehên cuda.
case-reason-other = Wekheviyeke din.

exchange-title = Danûstandin bi saziyên hevkar re
exchange-lead = Dosya bi forma PFIF 1.4 tên danûstandin, forma xizmetên dîtina kesan.
exchange-export = Derxistin
exchange-recipient = Wergir
exchange-recipient-committee = Komîte
exchange-recipient-government = Saziyên din ên hikûmeta Iraqê
exchange-recipient-humanitarian = Rêxistinên mirovî yên navneteweyî
exchange-consent = Tenê dosyayên ku malbata wan destûr daye ku bi vî wergirî re werin parvekirin dikevin pelê; yên din li derve dimînin.
exchange-prepare = Pelê amade bike
exchange-download = { $name } tomar bike
exchange-import = Anîn
exchange-file = Pelê PFIF ji saziyeke hevkar
exchange-file-hint = Pelekî XML bi tomarên PFIF 1.4; du caran anîna heman pelî tiştekî naguherîne.
exchange-import-button = Pelê bîne
exchange-imported = Pel hat anîn.
exchange-created = { $count ->
    [one] { $count } dosyaya nû
   *[other] { $count } dosyayên nû
}
exchange-updated = { $count ->
    [one] { $count } dosyaya nûkirî
   *[other] { $count } dosyayên nûkirî
}
exchange-wiped = { $count ->
    [one] { $count } dosya hate valakirin ji ber ku dema tomara wê ya li cem hevkar qediya
   *[other] { $count } dosya hatin valakirin ji ber ku dema tomarên wan ên li cem hevkar qediya
}
exchange-notes = { $count ->
    [one] { $count } nota zêdekirî
   *[other] { $count } notên zêdekirî
}
exchange-skipped = { $count ->
    [one] { $count } tomar hate derbaskirin
   *[other] { $count } tomar hatin derbaskirin
}

## Forma malbatê (/missing).

missing-intro = Li ser xizmê xwe yê ku hatiye leşkerkirin an li derve winda bûye ji me re bibêje. Tenê navê wî û navê te pêwîst in; her tiştê din ê ku tu dizanî lê zêde bike. Tu dê hejmareke dosyayê û meqbûzek ji bo şopandinê werbigirî.
missing-privacy-encrypted = Her tiştê ku tu dinivîsî bi şîfrekirî tê hilanîn û tenê karmendên dosyayê yên komîteyê wê dixwînin.
missing-privacy-consent = Li jêr tu hilbijêrî ku ragihandin bi kê re were parvekirin; ew qet ji wê wêdetir nayê parvekirin.
missing-names-hint = Navan wekî li ser qerta nasnameyê binivîse, bi tîpên erebî an kurdî.
missing-given = Nav
missing-father = Navê bav
missing-grandfather = Navê bapîr
missing-family = Paşnav an navê eşîrê
missing-mother-hint = Navê wê yê tevahî, wekî di tomarên fermî de.
missing-latin-hint = Wekî di pasaportê de, heke tu dizanî.
missing-birth = Dîroka jidayikbûnê
missing-date-hint = Salek (1999), mehek (⁦1999‑04⁩) an rojek (⁦1999‑04‑12⁩).
missing-age = Temen, heke tu dîroka jidayikbûnê nizanî
missing-list-hint = Çend heban bi bêhnokê ji hev veqetîne.
missing-accounts = Hesabên ku wî bikar anîne (Telegram, WhatsApp, Facebook…)
missing-journey = Çûyîn û leşkerkirin
missing-recruiter-hint = Kesek, şirketek an nivîsgeheke rêwîtiyê, kanalek an reklamek: her tiştê ku tu dizanî.
missing-last-contact-on = Dîroka têkiliya dawî
missing-last-contact-text = Di têkiliya dawî de çi hat gotin
missing-relationship-hint = Bo nimûne dayik, bira, jin.
missing-language = Zimanê peyamên me ji te re
missing-language-shown = Zimanê vê rûpelê
language-name-ar = Erebî
language-name-ckb = Kurdî (Soranî)
language-name-kmr = Kurdî (Kurmancî)
language-name-en = Îngilîzî
missing-consent = Ev ragihandin dikare bi kê re were parvekirin?
missing-consent-hint = Parvekirina bi saziyên zêdetir re dikare alîkariya dîtina xizmê te bike. Paşê tu dikarî ji karmendê dosyayê bixwazî ku vê biguherîne.
missing-photo = Wêneyekî xizmê te (ne mecbûrî)
missing-photo-hint = Wêneyekî zelal ê rû alîkar e. Heta 10 MB.
missing-invalid-date = Salek (1999), mehek (⁦1999‑04⁩) an rojek (⁦1999‑04‑12⁩) binivîse.
missing-submit = Ragihandinê bişîne
missing-step = Gava { $n } ji { $total }
missing-step-you = Derbarê te de
missing-step-consent = Wêneyek, û kî dikare ragihandinê bixwîne
missing-next = Pêşve
missing-back = Paşve
missing-photo-again = Te wêneyek hilbijart lê ew bi formê re nehat parastin. Berî şandinê wî dîsa hilbijêre.
missing-problem-consent = Ji kerema xwe hilbijêre kî dikare vê ragihandinê bixwîne.
form-required-note = Qadên bi * nîşankirî divê werin dagirtin.
departure-invalid = Rojê binivîse, wek ⁦2026‑12‑04⁩.
missing-sent-title = Ragihandina te gihîşt. Hejmara dosyaya te:
missing-receipt-explain = Ev meqbûz riya tenê ye ji bo şopandina dosyayê, xwendina peyamên karmendê dosyayê û zêdekirina agahiyan. Nayê vegerandin: Sened nizane kîjan meqbûz ya te ye.
missing-receipt-file =
    Dosyaya Senedê { $number }
    Meqbûz: { $receipt }

    Ji bo şopandina dosyayê { $address } veke û vê meqbûzê binivîse.
    Veşartî bihêle: her kesê ku wê hebe dikare axaftina li ser dosyayê bixwîne.
form-problem-invalid-age = Temen bi salan binivîse, ji 0 heta 120.
