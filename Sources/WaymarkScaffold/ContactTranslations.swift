/// The four national contacts' text in each language of the default theme, from the example
/// site's `contacts.yaml` (the police label without a force's name). Drafts, like the theme's
/// own words: a qualified translator checks them before a site relies on them.
enum ContactTranslations {
    /// Contact id → language code → the YAML lines under `translations: <code>:`.
    static let lines: [String: [String: [String]]] = [
        "emergency": [
            "ar": [
                "label: \"طوارئ الشرطة\"",
                "hours: \"على مدار 24 ساعة، كل يوم\"",
                "notes: [\"الهاتف النصي 18000\"]",
                "when: \"عندما يكون شخص ما في خطر مباشر، أو عندما تحدث جريمة الآن.\"",
            ],
            "lt": [
                "label: \"Policija – skubi pagalba\"",
                "hours: \"Visą parą, kiekvieną dieną\"",
                "notes: [\"Tekstinis telefonas 18000\"]",
                "when: \"Kam nors dabar gresia pavojus arba nusikaltimas vyksta dabar.\"",
            ],
            "pl": [
                "label: \"Policja – numer alarmowy\"",
                "hours: \"Całą dobę, każdego dnia\"",
                "notes: [\"Telefon tekstowy (dla osób niesłyszących) 18000\"]",
                "when: \"Komuś grozi bezpośrednie niebezpieczeństwo albo właśnie dzieje się przestępstwo.\"",
            ],
            "ro": [
                "label: \"Poliția – urgențe\"",
                "hours: \"24 de ore din 24, în fiecare zi\"",
                "notes: [\"Telefon text (pentru persoanele cu deficiențe de auz) 18000\"]",
                "when: \"Cineva este în pericol imediat sau o infracțiune are loc chiar acum.\"",
            ],
            "sq": [
                "label: \"Policia – urgjenca\"",
                "hours: \"24 orë në ditë, çdo ditë\"",
                "notes: [\"Telefon me tekst (Textphone) 18000\"]",
                "when: \"Dikush është në rrezik të menjëhershëm, ose një krim po ndodh tani.\"",
            ],
            "vi": [
                "label: \"Cảnh sát – khẩn cấp\"",
                "hours: \"24 giờ một ngày, tất cả các ngày\"",
                "notes: [\"Điện thoại văn bản (Textphone) 18000\"]",
                "when: \"Ai đó đang gặp nguy hiểm ngay lúc này, hoặc một vụ phạm tội đang xảy ra ngay bây giờ.\"",
            ],
        ],
        "police": [
            "ar": [
                "label: \"الشرطة لغير حالات الطوارئ\"",
                "notes: [\"الهاتف النصي 18001 101\"]",
                "when: \"عندما لا يكون أحد في خطر مباشر، ولكنك تريد إخبار الشرطة بما رأيته.\"",
            ],
            "lt": [
                "label: \"Policija – ne skubiais atvejais\"",
                "notes: [\"Tekstinis telefonas 18001 101\"]",
                "when: \"Niekam dabar negresia pavojus, bet norite papasakoti policijai, ką matėte.\"",
            ],
            "pl": [
                "label: \"Policja – sprawy, które nie są nagłe\"",
                "notes: [\"Telefon tekstowy (dla osób niesłyszących) 18001 101\"]",
                "when: \"Nikomu nie grozi bezpośrednie niebezpieczeństwo, ale chcesz powiedzieć policji o tym, co cię zaniepokoiło.\"",
            ],
            "ro": [
                "label: \"Poliția – situații care nu sunt urgente\"",
                "notes: [\"Telefon text (pentru persoanele cu deficiențe de auz) 18001 101\"]",
                "when: \"Nimeni nu este în pericol imediat, dar vreți să spuneți poliției ce ați văzut.\"",
            ],
            "sq": [
                "label: \"Policia – për raste jo urgjente\"",
                "notes: [\"Telefon me tekst (Textphone) 18001 101\"]",
                "when: \"Askush nuk është në rrezik të menjëhershëm, por doni t'i tregoni policisë çfarë keni parë.\"",
            ],
            "vi": [
                "label: \"Cảnh sát – không khẩn cấp\"",
                "notes: [\"Điện thoại văn bản (Textphone) 18001 101\"]",
                "when: \"Không ai gặp nguy hiểm ngay lúc này, nhưng bạn muốn kể cho cảnh sát những gì bạn đã thấy.\"",
            ],
        ],
        "helpline": [
            "ar": [
                "label: \"خط المساعدة الخاص بالعبودية الحديثة والاستغلال (Modern Slavery & Exploitation Helpline)\"",
                "hours: \"على مدار 24 ساعة، كل يوم\"",
                "notes: [\"سرّي\", \"مترجمون فوريون لأكثر من 200 لغة\", \"تديره جمعية Unseen الخيرية\"]",
                "when: \"عندما يكون لديك قلق بشأن شخص ما، أو تحتاج إلى نصيحة. ليس من الضروري التأكد.\"",
            ],
            "lt": [
                "label: \"Šiuolaikinės vergovės ir išnaudojimo pagalbos linija (Modern Slavery & Exploitation Helpline)\"",
                "hours: \"Visą parą, kiekvieną dieną\"",
                "notes: [\"Konfidencialu\", \"Vertėjai daugiau nei 200 kalbų\", \"Liniją administruoja labdaros organizacija Unseen\"]",
                "when: \"Nerimaujate dėl kito žmogaus arba norite patarimo. Nebūtina tiksliai žinoti.\"",
            ],
            "pl": [
                "label: \"Modern Slavery & Exploitation Helpline (infolinia w sprawie współczesnego niewolnictwa i wyzysku)\"",
                "hours: \"Całą dobę, każdego dnia\"",
                "notes: [\"Poufnie\", \"Rozmowa z tłumaczem w ponad 200 językach\", \"Prowadzi ją organizacja charytatywna Unseen\"]",
                "when: \"Martwisz się o kogoś albo chcesz uzyskać poradę. Nie musisz mieć pewności.\"",
            ],
            "ro": [
                "label: \"Modern Slavery & Exploitation Helpline (linia de ajutor pentru sclavie modernă și exploatare)\"",
                "hours: \"24 de ore din 24, în fiecare zi\"",
                "notes: [\"Confidențial\", \"Interpreți pentru peste 200 de limbi\", \"Administrată de organizația caritabilă Unseen\"]",
                "when: \"Vă faceți griji pentru cineva sau vreți un sfat. Nu trebuie să aveți certitudinea.\"",
            ],
            "sq": [
                "label: \"Modern Slavery & Exploitation Helpline – linja për skllavërinë moderne dhe shfrytëzimin\"",
                "hours: \"24 orë në ditë, çdo ditë\"",
                "notes: [\"Konfidenciale\", \"Përkthyes për më shumë se 200 gjuhë\", \"Drejtohet nga organizata bamirëse Unseen\"]",
                "when: \"Jeni të shqetësuar për dikë, ose doni këshilla. Nuk keni nevojë të jeni të sigurt.\"",
            ],
            "vi": [
                "label: \"Modern Slavery & Exploitation Helpline – đường dây nóng về nô lệ hiện đại và bóc lột\"",
                "hours: \"24 giờ một ngày, tất cả các ngày\"",
                "notes: [\"Được giữ bí mật\", \"Có phiên dịch cho hơn 200 ngôn ngữ\", \"Do tổ chức từ thiện Unseen điều hành\"]",
                "when: \"Bạn lo cho ai đó, hoặc bạn cần lời khuyên. Bạn không cần phải chắc chắn.\"",
            ],
        ],
        "crimestoppers": [
            "ar": [
                "label: \"Crimestoppers\"",
                "notes: [\"دون الكشف عن الهوية بنسبة 100%\", \"يمكنك أيضاً استخدام النموذج الإلكتروني على موقع Crimestoppers\"]",
                "when: \"عندما تريد الإبلاغ دون ذكر اسمك. منظمة Crimestoppers جمعية خيرية مستقلة، ولن تعرف من أنت.\"",
            ],
            "lt": [
                "label: \"Crimestoppers\"",
                "notes: [\"100 % anonimiškai\", \"Taip pat galite užpildyti formą Crimestoppers svetainėje\"]",
                "when: \"Norite pranešti anonimiškai, nesakydami savo vardo. Crimestoppers yra nepriklausoma labdaros organizacija ir nesužinos, kas jūs esate.\"",
            ],
            "pl": [
                "label: \"Crimestoppers\"",
                "notes: [\"W 100% anonimowo\", \"Możesz też wypełnić formularz na stronie internetowej Crimestoppers\"]",
                "when: \"Chcesz coś zgłosić bez podawania swojego nazwiska. Crimestoppers to niezależna organizacja charytatywna i nie dowie się, kim jesteś.\"",
            ],
            "ro": [
                "label: \"Crimestoppers\"",
                "notes: [\"100% anonim\", \"Puteți folosi și formularul online de pe site-ul Crimestoppers\"]",
                "when: \"Vreți să semnalați ceva fără să vă spuneți numele. Crimestoppers este o organizație caritabilă independentă și nu va ști cine sunteți.\"",
            ],
            "sq": [
                "label: \"Crimestoppers\"",
                "notes: [\"100% anonime\", \"Mund të përdorni edhe formularin në faqen e internetit të Crimestoppers\"]",
                "when: \"Doni të raportoni pa dhënë emrin tuaj. Crimestoppers është një organizatë bamirëse e pavarur dhe nuk do ta dijë kush jeni.\"",
            ],
            "vi": [
                "label: \"Crimestoppers\"",
                "notes: [\"Ẩn danh 100%\", \"Bạn cũng có thể dùng mẫu đơn trên trang web của Crimestoppers\"]",
                "when: \"Bạn muốn báo cáo mà không cần nói tên. Crimestoppers là một tổ chức từ thiện độc lập và sẽ không biết bạn là ai.\"",
            ],
        ],
    ]
}
