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
error-invalid-phone-number = Ev hejmara telefonê ne rast e. Wek ku tu lê digerî binivîse, mînak 0750 123 4567.
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
