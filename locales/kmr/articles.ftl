## Gotarên hişyariyê: tiştê ku ji edîtoran re tê gotin dema tomarkirin tê redkirin.

error-invalid-article = Hin qadên gotarê divê bên rastkirin.
error-slug-taken = Ev navnîşan (slug) jixwe ji bo gotarek an kampanyayek din tê bikaranîn. Yekî din hilbijêre.
error-edit-conflict = Piştî ku te ev gotar vekir, kesek din ew tomar kir. Wê ji nû ve veke da ku guhertinên wî bibînî, paşê guhertinên xwe dîsa bike.
