## دۆسیەی ونبووان: ناونیشانە هاوبەشەکانی فۆرمی خێزان، بەدواداچوون و پەڕەکانی کارمەندانی دۆسیە.

error-invalid-case = هەندێک خانە پێش ناردنی ڕاپۆرتەکە پێویستیان بە ڕاستکردنەوە هەیە.

case-status-reported = ڕاپۆرت کرا
case-status-under-review = لە پێداچوونەوەدا
case-status-information-sought = زانیاری پێویستە
case-status-located-alive = بە زیندوویی دۆزرایەوە
case-status-in-contact = پەیوەندی لەگەڵ کرا
case-status-returned = گەڕایەوە بۆ وڵات
case-status-deceased = کۆچی دوایی کردووە
case-status-closed = داخرا

case-close-duplicate = دووبارەی دۆسیەیەکی ترە
case-close-withdrawn = خێزانەکە کێشایەوە
case-close-resolved = چارەسەر کرا

case-consent-committee = تەنها لیژنەکە
case-consent-government = لیژنەکە و دامەزراوە حکومییەکانی تری عێراق
case-consent-humanitarian = هەروەها ڕێکخراوە مرۆییە نێودەوڵەتییەکانی وەک خاچی سووری نێودەوڵەتی

sex-female = مێ
sex-male = نێر
