## Dosyayên windayan: navên ku forma malbatê, şopandin û rûpelên karmendên dosyayan parve dikin.

error-invalid-case = Berî şandina raporê divê hin qad bên rastkirin.

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
