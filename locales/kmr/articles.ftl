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
learn-more = Gotarên din nîşan bide
learn-fallback-short = Hê bi zimanê te nîne: bi erebî tê nîşandan.
learn-fallback = Ev gotar hê bi zimanê te tune, ji ber vê bi erebî tê nîşandan.
learn-available-in = Bi van zimanan heye:
learn-back = Hemû gotar
learn-share = Gotarê parve bike
learn-share-link = Girêdana gotarê
learn-offline = Tu ne girêdayî înternetê yî. Gotarên ku te berê vekirine hê dixebitin.
