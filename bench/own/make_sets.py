#!/usr/bin/env python3
"""Writes the held-out scenario sets in bench/own/ (bench format, see ../shared/bench/run.py).

These sets are a check that a retrieval change generalises: they are never used to tune anything.
Each scenario is (title, seeds, assertions); a seed is a string or (text, age_days) or
(text, age_days, tier); an assertion is (query, top_k, expected, excluded).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def seed(s):
    if isinstance(s, str):
        return {"content": s, "memory_type": "semantic"}
    out = {"content": s[0], "memory_type": "semantic", "age_days": s[1]}
    if len(s) > 2:
        out["trust_tier"] = s[2]
    return out


def write(dataset_id, description, domain, scenarios):
    data = {"dataset_id": dataset_id, "version": "1", "description": description, "scenarios": []}
    for i, (title, seeds, asserts) in enumerate(scenarios, 1):
        data["scenarios"].append({
            "scenario_id": f"{dataset_id.upper()}-{i:03d}", "title": title, "description": title,
            "domain": domain, "difficulty": "L2", "horizon": "medium", "tags": ["trust"],
            "seed_memories": [seed(s) for s in seeds], "steps": [],
            "assertions": [{"query": q, "top_k": k, "expected_contents": e, "excluded_contents": x}
                           for (q, k, e, x) in asserts]})
    with open(os.path.join(HERE, dataset_id + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


HOUSEHOLD = [
    ("Allergy among many food notes", [
        "Mira is allergic to hazelnuts; even traces make her throat itch.",
        "We buy sourdough from the bakery on Linden Street every Saturday.",
        "The slow cooker needs eight hours on low for the beef stew.",
        "Tom prefers his coffee black with no sugar.",
        "The pantry shelf above the fridge holds baking supplies.",
        "Nutella jars go on the top shelf where the kids cannot reach them."],
     [("Which nut must we avoid when cooking for Mira?", 3, ["hazelnut"], ["sourdough"])]),
    ("Latest bin collection day after a change", [
        ("Recycling bins are collected on Tuesday mornings.", 200),
        ("Since the council changed routes, recycling is now collected on Friday mornings.", 3),
        "General waste goes out every other Monday.",
        "The compost bin is behind the shed."],
     [("What day is recycling collected now?", 1, ["Friday"], ["Tuesday"])]),
    ("Recipe detail lookup", [
        "Grandma's pancake recipe: 200 g flour, 2 eggs, 300 ml milk, a pinch of salt, rest the batter 30 minutes.",
        "The lasagne needs 45 minutes at 180 degrees, covered with foil for the first half.",
        "For rice, rinse twice and use 1.5 cups of water per cup of jasmine rice.",
        "The oven runs about 10 degrees hot, so set it lower than recipes say.",
        "Chocolate chip cookies bake for 11 minutes at 175 degrees."],
     [("How long should the pancake batter rest?", 2, ["30 minutes"], ["lasagne"]),
      ("How much water for jasmine rice?", 2, ["1.5 cups"], [])]),
    ("Appliance maintenance", [
        "The dishwasher filter should be cleaned every two weeks or dishes come out gritty.",
        "The washing machine warranty runs until March 2027; receipt is in the blue folder.",
        "Descale the kettle monthly with citric acid because the water here is hard.",
        "The boiler was serviced in October by Henderson Heating.",
        "The car's next MOT is due in June."],
     [("Where is the washing machine receipt?", 2, ["blue folder"], []),
      ("Who serviced the boiler?", 2, ["Henderson"], ["MOT"])]),
    ("Kid schedules with similar names", [
        "Leo has swimming lessons on Wednesdays at 5 pm at the leisure centre.",
        "Lea has violin lessons on Thursdays at 4 pm with Mrs. Okafor.",
        "Leo's football training moved to Saturday mornings.",
        "Lea's school pickup is at 3:15 on weekdays.",
        "The leisure centre car park closes at 9 pm."],
     [("When is Lea's violin lesson?", 2, ["Thursdays at 4 pm"], ["swimming"]),
      ("What sport does Leo do on Wednesdays?", 2, ["swimming"], ["violin"])]),
    ("Preference not contradicted by noise", [
        "Tom does not eat mushrooms; he picks them out of everything.",
        "Mushroom risotto was a hit at Anna's birthday dinner.",
        "Tom loves spicy Thai curry with extra chili.",
        "Anna is vegetarian but eats eggs and cheese.",
        "We keep dried porcini in the pantry for soups."],
     [("What food does Tom refuse to eat?", 2, ["mushrooms; he picks"], ["risotto was a hit"]),
      ("What are Anna's dietary restrictions?", 2, ["vegetarian"], [])]),
    ("Budget and bills", [
        "The electricity bill is paid by direct debit on the 5th of each month, about 85 euros.",
        "The internet contract with FiberNet ends in August; cancel before July to avoid renewal.",
        "Monthly grocery budget is 600 euros.",
        "Car insurance renews in November with Allianz.",
        "The gym membership costs 39 euros a month."],
     [("When must we cancel the internet contract?", 2, ["before July"], []),
      ("How much do we spend on groceries per month?", 2, ["600 euros"], ["gym"])]),
    ("Garden plants", [
        "The tomatoes on the balcony need watering every evening in July.",
        "Basil dies if left outside below 10 degrees.",
        "The rose bush by the gate is pruned in late February.",
        "Lavender likes dry soil; water it only once a week.",
        "The lawn mower blade was sharpened last spring."],
     [("How often should the lavender be watered?", 2, ["once a week"], ["every evening"]),
      ("When do we prune the roses?", 2, ["late February"], [])]),
]

CLINIC_DE = [
    ("Sprechzeiten nach Änderung", [
        ("Die Praxis hat montags bis freitags von 8 bis 12 Uhr geöffnet.", 300),
        ("Ab sofort hat die Praxis mittwochs auch nachmittags von 14 bis 18 Uhr geöffnet.", 5),
        "Die Telefonsprechstunde ist täglich von 12 bis 13 Uhr.",
        "Der Parkplatz hinter dem Gebäude ist für Patienten reserviert."],
     [("Wann ist die Praxis am Mittwochnachmittag geöffnet?", 2, ["14 bis 18 Uhr"], ["Parkplatz"])]),
    ("Zuständigkeiten im Team", [
        "Frau Becker ist für die Abrechnung mit den Krankenkassen zuständig.",
        "Herr Yilmaz plant die Termine für die Physiotherapie.",
        "Dr. Hartmann übernimmt die Impfsprechstunde am Donnerstag.",
        "Frau Schulz bestellt das Verbrauchsmaterial jeden ersten Montag im Monat.",
        "Die Reinigungsfirma kommt dienstags und freitags abends."],
     [("Wer kümmert sich um die Abrechnung mit den Krankenkassen?", 2, ["Becker"], ["Reinigungsfirma"]),
      ("Wer bestellt Verbrauchsmaterial?", 2, ["Schulz"], [])]),
    ("Geräte und Wartung", [
        "Das EKG-Gerät muss jährlich im April von der Firma MedTech geprüft werden.",
        "Der Sterilisator im Raum 3 zeigt bei Fehler E4 einen verstopften Filter an.",
        "Das Ultraschallgerät wurde im Januar neu angeschafft.",
        "Die Kaffeemaschine im Pausenraum ist defekt.",
        "Der Kühlschrank für Impfstoffe muss zwischen 2 und 8 Grad bleiben."],
     [("Was bedeutet Fehler E4 am Sterilisator?", 2, ["verstopften Filter"], ["Kaffeemaschine"]),
      ("In welchem Temperaturbereich lagern Impfstoffe?", 2, ["2 und 8 Grad"], [])]),
    ("Software und Zugänge", [
        "Die Praxissoftware heißt MediDoc; Updates werden freitags nach 18 Uhr eingespielt.",
        "Das WLAN für Patienten heißt Praxis-Gast und hat kein Passwort-Portal.",
        "Rezepte werden seit Januar nur noch als E-Rezept ausgestellt.",
        "Der Drucker im Empfang ist mit dem Netzwerk verbunden.",
        "Laborbefunde kommen elektronisch vom Labor Dr. Klein."],
     [("Wann werden Updates der Praxissoftware eingespielt?", 2, ["freitags nach 18 Uhr"], []),
      ("Von welchem Labor kommen die Befunde?", 2, ["Labor Dr. Klein"], ["Drucker"])]),
    ("Urlaubsvertretung", [
        ("Während des Urlaubs von Dr. Hartmann im August vertritt Dr. Lange aus der Nachbarpraxis.", 10),
        ("Im letzten Jahr hat Dr. Roth die Urlaubsvertretung übernommen.", 380),
        "Dr. Lange ist in der Bahnhofstraße 12 erreichbar.",
        "Die Praxis schließt zwischen Weihnachten und Neujahr."],
     [("Wer vertritt Dr. Hartmann im August?", 1, ["Dr. Lange"], ["Dr. Roth"])]),
    ("Abläufe bei Neupatienten", [
        "Neupatienten füllen den Anamnesebogen am Tablet im Wartezimmer aus.",
        "Die Versichertenkarte muss in jedem Quartal einmal eingelesen werden.",
        "Privatpatienten erhalten die Rechnung per Post nach vier Wochen.",
        "Überweisungen zum Facharzt werden am Empfang ausgedruckt.",
        "Die Toilette im Erdgeschoss ist barrierefrei."],
     [("Wie oft muss die Versichertenkarte eingelesen werden?", 2, ["jedem Quartal"], ["Toilette"]),
      ("Wo füllen Neupatienten den Anamnesebogen aus?", 2, ["Tablet"], [])]),
    ("Notfälle", [
        "Der Notfallkoffer steht im Flur neben Raum 2 und wird monatlich geprüft.",
        "Der Defibrillator hängt am Empfang; die Batterie wurde im Mai getauscht.",
        "Bei Stromausfall startet das Notstromaggregat im Keller automatisch.",
        "Die Notrufnummer des ärztlichen Bereitschaftsdienstes ist 116117.",
        "Im Flur hängt ein Bild vom Bodensee."],
     [("Wo steht der Notfallkoffer?", 2, ["neben Raum 2"], ["Bodensee"]),
      ("Welche Nummer hat der Bereitschaftsdienst?", 2, ["116117"], [])]),
    ("Ähnliche Räume", [
        "Raum 1 ist das Sprechzimmer von Dr. Hartmann.",
        "Raum 2 wird für Blutabnahmen und Infusionen genutzt.",
        "Raum 3 ist der Sterilisationsraum und für Patienten gesperrt.",
        "Raum 4 ist das Sprechzimmer von Dr. Weber.",
        "Der Empfang befindet sich im Erdgeschoss links."],
     [("In welchem Raum werden Blutabnahmen gemacht?", 1, ["Raum 2"], ["Raum 4"]),
      ("Welcher Raum ist das Sprechzimmer von Dr. Weber?", 1, ["Raum 4"], ["Raum 1"])]),
]

TRAVEL_JA = [
    ("宿泊先の確認", [
        "京都では三条通りの旅館「松屋」に三泊する予定です。",
        "大阪のホテルは難波駅から徒歩五分のところにあります。",
        "東京では新宿のビジネスホテルに二泊します。",
        "旅館の夕食は十九時から、朝食は七時半からです。",
        "奈良公園では鹿せんべいを買いました。"],
     [("京都ではどこに泊まりますか？", 2, ["松屋"], ["鹿せんべい"]),
      ("旅館の夕食は何時からですか？", 2, ["十九時"], [])]),
    ("交通手段", [
        "東京から京都へは新幹線のぞみで約二時間十五分かかります。",
        "ジャパンレールパスはのぞみには使えないので、ひかりに乗ります。",
        "京都市内はバスの一日券が便利です。",
        "関西空港から大阪市内へは南海電鉄のラピートを使います。",
        "レンタカーは借りない予定です。"],
     [("レールパスで乗れる新幹線はどれですか？", 2, ["ひかり"], ["レンタカー"]),
      ("関西空港から市内へは何で移動しますか？", 2, ["ラピート"], [])]),
    ("予定の変更", [
        ("金閣寺には二日目の午前に行く予定です。", 20),
        ("雨予報のため、金閣寺は三日目の午後に変更しました。", 2),
        "伏見稲荷大社は早朝に行くと混雑を避けられます。",
        "嵐山の竹林は二日目に行きます。"],
     [("金閣寺にはいつ行きますか？", 1, ["三日目の午後"], ["二日目の午前"])]),
    ("食事の好み", [
        "妻はそばアレルギーなので、そば屋は避けます。",
        "錦市場で湯葉と漬物を試したいです。",
        "大阪ではたこ焼きとお好み焼きを食べる予定です。",
        "息子は辛い料理が苦手です。",
        "東京の築地場外市場で寿司を食べました。"],
     [("妻のアレルギーは何ですか？", 2, ["そばアレルギー"], ["たこ焼き"]),
      ("錦市場で何を食べたいですか？", 2, ["湯葉"], [])]),
    ("お金と手続き", [
        "両替は空港より市内の銀行の方がレートが良いです。",
        "交通系ICカードはSuicaを三枚用意しました。",
        "海外旅行保険は出発の一週間前に加入しました。",
        "免税手続きにはパスポートが必要です。",
        "お土産の予算は二万円です。"],
     [("免税手続きに必要なものは？", 2, ["パスポート"], []),
      ("ICカードは何を用意しましたか？", 2, ["Suica"], ["保険"])]),
    ("似た寺社", [
        "清水寺は夜のライトアップが十八時から始まります。",
        "銀閣寺の拝観は十七時で終了します。",
        "金閣寺の拝観料は大人五百円です。",
        "東寺の五重塔は日本一高い木造の塔です。",
        "平安神宮の庭園は春の桜が有名です。"],
     [("銀閣寺は何時に閉まりますか？", 1, ["十七時"], ["ライトアップ"]),
      ("金閣寺の拝観料はいくらですか？", 1, ["五百円"], ["十七時"])]),
    ("連絡先", [
        "旅館松屋の電話番号は075-123-4567です。",
        "ツアーガイドの佐藤さんは英語と日本語を話します。",
        "緊急の場合は大使館の領事部に連絡します。",
        "カメラの充電器は旅館に忘れました。",
        "大阪のホテルのチェックインは十五時からです。"],
     [("ガイドの佐藤さんは何語を話しますか？", 2, ["英語と日本語"], []),
      ("大阪のホテルのチェックインは何時から？", 2, ["十五時"], ["充電器"])]),
    ("荷物", [
        "大きいスーツケースは宅急便で京都の旅館に送ります。",
        "折りたたみ傘を二本持っていきます。",
        "常備薬は機内持ち込みのバッグに入れます。",
        "変換プラグは日本では不要です。",
        "帰りの便の受託手荷物は二十三キロまでです。"],
     [("スーツケースはどうやって京都に運びますか？", 2, ["宅急便"], []),
      ("受託手荷物の重量制限は？", 2, ["二十三キロ"], ["傘"])]),
]

DEVOPS = [
    ("Which service owns which port", [
        "billing-api listens on port 8081 behind the internal load balancer.",
        "billing-worker has no HTTP port; it consumes the invoices queue.",
        "billing-gateway exposes port 443 publicly and forwards to billing-api.",
        "ledger-api listens on port 8083.",
        "ledger-worker consumes the settlements queue.",
        "The staging cluster runs one replica of every billing service."],
     [("What port does billing-api listen on?", 1, ["8081"], ["8083"]),
      ("Which queue does ledger-worker consume?", 1, ["settlements"], ["invoices"])]),
    ("Runbook for a specific alert", [
        "When DiskPressure fires on the search nodes, rotate the index snapshots with snapshot-gc.",
        "When HighLatency fires on ledger-api, check the connection pool saturation dashboard first.",
        "When HighLatency fires on billing-api, scale billing-api to six replicas.",
        "CertExpiry alerts are handled by the platform team's cert-manager.",
        "Weekly on-call handover happens Monday at 10:00."],
     [("HighLatency alert on ledger-api, what to check?", 1, ["connection pool"], ["six replicas"]),
      ("What do we do about DiskPressure on search nodes?", 2, ["snapshot-gc"], [])]),
    ("Database version after upgrade", [
        ("orders-db runs PostgreSQL 13.", 250),
        ("orders-db was upgraded to PostgreSQL 16 last week.", 7),
        "users-db runs PostgreSQL 14 and is scheduled for upgrade next quarter.",
        "The read replicas of orders-db are in eu-west-1."],
     [("Which PostgreSQL version does orders-db run now?", 1, ["PostgreSQL 16"], ["PostgreSQL 13"])]),
    ("Owners of similar services", [
        "Priya owns auth-service and its token rotation job.",
        "Marco owns authz-service, the policy engine.",
        "Jin owns audit-service, which stores access logs for seven years.",
        "auth-service is written in Go; authz-service in Rust.",
        "The platform chat channel is #plat-ops."],
     [("Who owns authz-service?", 1, ["Marco"], ["Priya"]),
      ("What language is authz-service written in?", 2, ["Rust"], ["seven years"])]),
    ("Deploy procedure", [
        "Deploys to production require two approvals in the deploy-bot and happen only Tuesday to Thursday.",
        "Hotfixes may skip the freeze if the incident commander approves.",
        "Feature flags are managed in Unleash; stale flags are removed every sprint.",
        "The deploy pipeline runs integration tests in a throwaway namespace.",
        "The coffee machine on floor 3 is out of order."],
     [("How many approvals does a production deploy need?", 2, ["two approvals"], ["coffee"]),
      ("Where are feature flags managed?", 2, ["Unleash"], [])]),
    ("Incident history", [
        ("The March outage was caused by an expired TLS certificate on billing-gateway.", 240),
        ("The September outage was caused by a runaway cron job filling orders-db disk.", 60),
        "Postmortems are stored in the incidents folder of the wiki.",
        "Status page updates are posted by the incident commander."],
     [("What caused the September outage?", 1, ["runaway cron"], ["TLS certificate"]),
      ("Where are postmortems stored?", 2, ["incidents folder"], [])]),
    ("Chinese ops notes with similar names", [
        "search-indexer 每小时全量重建一次索引，耗时约十分钟。",
        "search-api 的超时时间设置为 800 毫秒。",
        "search-cache 使用 Redis 7，内存上限 16GB。",
        "推荐服务 recommend-api 依赖 search-api 返回的结果。",
        "值班手册放在 Confluence 的 SRE 空间。"],
     [("search-cache 用的是什么？内存上限多少？", 1, ["Redis 7"], ["800 毫秒"]),
      ("search-api 的超时是多少？", 1, ["800 毫秒"], ["Redis"])]),
    ("Secrets and access", [
        "Production database credentials are issued by Vault with a 24-hour lease.",
        "SSH to production hosts goes through the bastion with hardware keys only.",
        "CI secrets live in the GitLab protected variables, never in the repo.",
        "Developers get read-only access to production logs in Grafana Loki.",
        "The office wifi password changes every quarter."],
     [("How long is the lease for production database credentials?", 2, ["24-hour"], ["wifi"]),
      ("How do we SSH to production?", 2, ["bastion"], [])]),
]

write("own-household-v1", "Household and home cooking notes (English).", "household", HOUSEHOLD)
write("own-clinic-de-v1", "Medical practice administration (German).", "clinic", CLINIC_DE)
write("own-travel-ja-v1", "A family trip to Japan (Japanese).", "travel", TRAVEL_JA)
write("own-devops-v1", "Operations notes about many similarly named services (English, some Chinese).",
      "devops", DEVOPS)
