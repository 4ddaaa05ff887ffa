<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version %1
Qt %2 (PySide6 %3)
Python %4</source>
        <translation>バージョン %1
Qt %2（PySide6 %3）
Python %4</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>%1 について</translation>
    </message>
    <message>
        <source>Japanese text is shown with the IPAexGothic font (IPA), which is distributed under the IPA Font License Agreement v1.0:</source>
        <translation>日本語の文字は IPAexゴシック フォント（IPA）で表示しています。このフォントは IPAフォントライセンスv1.0 に基づいて配布されています。</translation>
    </message>
</context>
<context>
    <name>BankFields</name>
    <message>
        <source>For the bank (sustainability-linked loan)</source>
        <translation>金融機関向け (サステナビリティ・リンク・ローン)</translation>
    </message>
    <message>
        <source>Representative&apos;s name</source>
        <translation>代表者 氏名</translation>
    </message>
    <message>
        <source>Representative&apos;s title</source>
        <translation>代表者 役職</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Verifier (third party)</source>
        <translation>検証機関 (第三者)</translation>
    </message>
    <message>
        <source>Base-year recalculation threshold (%)</source>
        <translation>基準年度の再計算のしきい値 (%)</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>金融機関</translation>
    </message>
    <message>
        <source>Lender&apos;s sector benchmark (%/yr)</source>
        <translation>金融機関が示す業種の目安 (%/年)</translation>
    </message>
    <message>
        <source>Source of the benchmark</source>
        <translation>目安の出典</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Self-checked</source>
        <translation>自社で確認</translation>
    </message>
    <message>
        <source>Third-party verified</source>
        <translation>第三者検証</translation>
    </message>
    <message>
        <source>Reasons for the change against the year before</source>
        <translation>前年度からの増減の理由</translation>
    </message>
    <message>
        <source>e.g. more orders; new inverter compressor from October</source>
        <translation>例: 受注増、10月にインバータ圧縮機へ更新</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Metalwork</source>
        <translation>金属加工</translation>
    </message>
    <message>
        <source>Plastics moulding</source>
        <translation>プラスチック成形</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>食品</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事務所</translation>
    </message>
    <message>
        <source>Fluorescent</source>
        <translation>蛍光灯</translation>
    </message>
    <message>
        <source>Mercury / HID lamps</source>
        <translation>水銀灯・HID ランプ</translation>
    </message>
    <message>
        <source>LED</source>
        <translation>LED</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混在</translation>
    </message>
    <message>
        <source>Load/unload</source>
        <translation>ロード/アンロード</translation>
    </message>
    <message>
        <source>Inverter</source>
        <translation>インバータ</translation>
    </message>
    <message>
        <source>Multi-unit sequencing</source>
        <translation>台数制御</translation>
    </message>
    <message>
        <source>City gas</source>
        <translation>都市ガス</translation>
    </message>
    <message>
        <source>LPG</source>
        <translation>LPガス</translation>
    </message>
    <message>
        <source>Kerosene</source>
        <translation>灯油</translation>
    </message>
    <message>
        <source>Heavy oil A</source>
        <translation>A重油</translation>
    </message>
    <message>
        <source>Heavy oil B/C</source>
        <translation>B・C重油</translation>
    </message>
    <message>
        <source>Steam</source>
        <translation>蒸気</translation>
    </message>
    <message>
        <source>Hot water</source>
        <translation>温水</translation>
    </message>
    <message>
        <source>Equipment checklist</source>
        <translation>設備チェックリスト</translation>
    </message>
    <message>
        <source>Answer what you know from the site visit. A blank answer means not asked yet: the measures that need it are shown as to confirm.</source>
        <translation>現地で分かったことを入力してください。空欄は「まだ確認していない」という意味で、その回答が必要な対策は「要確認」と表示されます。</translation>
    </message>
    <message>
        <source>(not asked yet)</source>
        <translation>(未確認)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>blank: %1 is assumed</source>
        <translation>空欄の場合は %1 とみなします</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>「%1」は数値ではありません</translation>
    </message>
    <message>
        <source>a whole number is needed</source>
        <translation>整数で入力してください</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>%1 から %2 の範囲で入力してください</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Company</source>
        <translation>会社情報</translation>
    </message>
    <message>
        <source>Company profile, sites and electricity/gas contracts</source>
        <translation>会社の概要、事業所、電気・ガスの契約</translation>
    </message>
    <message>
        <source>No company information yet</source>
        <translation>会社情報はまだ登録されていません</translation>
    </message>
    <message>
        <source>First create or open a project on the Home page. Then enter your company&apos;s name, industry and the month your fiscal year starts, your sites, and the electricity and gas contracts (retailer and menu) printed on your bills.</source>
        <translation>まず「ホーム」でプロジェクトを作成するか、開いてください。そのあと、会社名・業種・年度の開始月、事業所、請求書に記載されている電気とガスの契約（小売事業者とメニュー）を入力してください。</translation>
    </message>
    <message>
        <source>Company information</source>
        <translation>会社情報</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Name in kana</source>
        <translation>会社名（カナ）</translation>
    </message>
    <message>
        <source>Industry (JSIC)</source>
        <translation>業種（日本標準産業分類）</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>支援者（アドバイザー）</translation>
    </message>
    <message>
        <source>Fiscal year starts in month</source>
        <translation>年度の始まりの月</translation>
    </message>
    <message>
        <source>Figures of the fiscal year (for intensities)</source>
        <translation>年度の数値（原単位の計算に使います）</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Revenue (million yen)</source>
        <translation>売上高（百万円）</translation>
    </message>
    <message>
        <source>Value added (million yen)</source>
        <translation>付加価値額（百万円）</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>従業員数</translation>
    </message>
    <message>
        <source>Production quantity</source>
        <translation>生産量</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>延床面積（m²）</translation>
    </message>
    <message>
        <source>Production unit (t, pieces …)</source>
        <translation>生産量の単位（t、個 など）</translation>
    </message>
    <message>
        <source>Sites and supply contracts</source>
        <translation>事業所と供給契約</translation>
    </message>
    <message>
        <source>Name of another site</source>
        <translation>ほかの事業所の名前</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>事業所を追加</translation>
    </message>
    <message>
        <source>Contracts (double-click the supplier or menu to change it)</source>
        <translation>契約（供給事業者やメニューをダブルクリックで変更できます）</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>エネルギー</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供給事業者</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>排出係数</translation>
    </message>
    <message>
        <source>Supplier and factor…</source>
        <translation>供給事業者と排出係数…</translation>
    </message>
    <message>
        <source>Add contract…</source>
        <translation>契約を追加…</translation>
    </message>
    <message>
        <source>For a year without an official list, or a retailer not in it, open “Supplier and factor…” and enter the factor from the retailer&apos;s 「電源構成・CO2排出係数」 page or your bill, with its source, or choose an estimate (推計).</source>
        <translation>公表一覧がない年度や、一覧に載っていない小売電気事業者の場合は、「供給事業者と排出係数…」を開き、事業者の「電源構成・CO2排出係数」のページまたは請求書に記載の係数を出典とともに入力するか、推計を選んでください。</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Supply contract</source>
        <translation>供給契約</translation>
    </message>
    <message>
        <source>%1 at %2, FY%3</source>
        <translation>%2 の%1（%3年度）</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>(single factor)</source>
        <translation>（単一の係数）</translation>
    </message>
    <message>
        <source>%1 (adjusted %2 t-CO2/kWh)</source>
        <translation>%1(調整後 %2 t-CO2/kWh)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>The official list calls a retailer&apos;s special menus A, B, C… with their adjusted factor; the retailer&apos;s notice of emission factors says which is your plan. For an ordinary contract keep the (残差) menu.</source>
        <translation>国の一覧では、電力会社の特別なメニューはメニューA・B・C…と調整後排出係数で載っています。どれがご契約のプランかは電力会社の排出係数のお知らせに書かれています。ふつうの契約なら (残差) のままにしてください。</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>取引先</translation>
    </message>
    <message>
        <source>Answer your customers&apos; CO2 requests: their share and reply packs</source>
        <translation>取引先からのCO2の問い合わせに回答：取引先ごとの配分と回答書類</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <source>Open or create a project first; then enter your customers and their sales.</source>
        <translation>先にプロジェクトを開くか作成し、取引先と販売実績を入力してください。</translation>
    </message>
    <message>
        <source>Answers to customers</source>
        <translation>取引先への回答</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Allocation method</source>
        <translation>配分方法</translation>
    </message>
    <message>
        <source>By sales</source>
        <translation>売上高で配分</translation>
    </message>
    <message>
        <source>By physical output</source>
        <translation>物量（生産量）で配分</translation>
    </message>
    <message>
        <source>Sub-meter key for an energy-intensive line, rest by sales</source>
        <translation>エネルギー多消費ラインは子メーターで、残りは売上高で配分</translation>
    </message>
    <message>
        <source>By machine hours of each product line</source>
        <translation>製品ラインの機械稼働時間で配分</translation>
    </message>
    <message>
        <source>Reply to all customers…</source>
        <translation>全取引先への回答を作成…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>取引先</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>配分比率</translation>
    </message>
    <message>
        <source>Scope 1 t-CO2</source>
        <translation>Scope1 t-CO2</translation>
    </message>
    <message>
        <source>Scope 2 market t-CO2</source>
        <translation>Scope2 マーケット t-CO2</translation>
    </message>
    <message>
        <source>Scope 2 location t-CO2</source>
        <translation>Scope2 ロケーション t-CO2</translation>
    </message>
    <message>
        <source>Sales (yen)</source>
        <translation>売上高（円）</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>配分結果</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>販売実績</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>製品</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生産量</translation>
    </message>
    <message>
        <source>Our supplier code</source>
        <translation>当社の仕入先コード</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Month (optional)</source>
        <translation>月（任意）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>製品</translation>
    </message>
    <message>
        <source>Quantity delivered</source>
        <translation>納入量</translation>
    </message>
    <message>
        <source>Product or family</source>
        <translation>製品・製品群</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Quantity produced</source>
        <translation>生産量</translation>
    </message>
    <message>
        <source>Sub-meter kWh</source>
        <translation>子メーター kWh</translation>
    </message>
    <message>
        <source>Machine hours</source>
        <translation>機械稼働時間</translation>
    </message>
    <message>
        <source>Other customers</source>
        <translation>その他の販売先</translation>
    </message>
    <message>
        <source>Folder for the replies</source>
        <translation>回答書類の保存先フォルダー</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>%n 件のファイルを作成しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the replies written so far are kept.</source>
        <translation>中止しました。作成済みの回答書類はそのまま残ります。</translation>
    </message>
</context>
<context>
    <name>DemandImportDialog</name>
    <message>
        <source>Import 30-minute data: %1</source>
        <translation>30分データの読み込み：%1</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <source>Values in</source>
        <translation>値の単位</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>間隔</translation>
    </message>
    <message>
        <source>Times mark</source>
        <translation>時刻が示すもの</translation>
    </message>
    <message>
        <source>Header rows</source>
        <translation>見出しの行数</translation>
    </message>
    <message>
        <source>Date column</source>
        <translation>日付の列</translation>
    </message>
    <message>
        <source>Time column</source>
        <translation>時刻の列</translation>
    </message>
    <message>
        <source>First value column</source>
        <translation>最初の値の列</translation>
    </message>
    <message>
        <source>One row per interval (date and time in one cell)</source>
        <translation>1区間1行（日付と時刻が1つのセル）</translation>
    </message>
    <message>
        <source>One row per interval (date and time in two columns)</source>
        <translation>1区間1行（日付と時刻が別の列）</translation>
    </message>
    <message>
        <source>One row per day (a date and 24/48/96 columns)</source>
        <translation>1日1行（日付と24・48・96列）</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>the start of each interval</source>
        <translation>各区間の始まり</translation>
    </message>
    <message>
        <source>the end of each interval (24:00)</source>
        <translation>各区間の終わり（24:00 あり）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>読み込む</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>The first days (kW)</source>
        <translation>最初の数日（kW）</translation>
    </message>
    <message>
        <source>%1 problems must be fixed first: nothing will be written.</source>
        <translation>先に直す問題が %1 件あります。まだ何も書き込みません。</translation>
    </message>
    <message>
        <source>%1 days will be imported (%2 to %3).</source>
        <translation>%1 日分を読み込みます（%2〜%3）。</translation>
    </message>
</context>
<context>
    <name>DemandPage</name>
    <message>
        <source>Demand</source>
        <translation>デマンド</translation>
    </message>
    <message>
        <source>30-minute data of your meter: base load, peaks and the contract kW they set</source>
        <translation>メーターの30分データ：ベースロード、ピーク、それが決める契約電力</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <source>Open or create a project first. Then import the 30-minute data of your meter (a CSV or Excel file from your electricity retailer&apos;s web portal or a demand monitor).</source>
        <translation>先にプロジェクトを開くか作成してください。そのあと、メーターの30分データ（電力会社のWebサービスやデマンド監視装置から出力した CSV または Excel ファイル）を読み込みます。</translation>
    </message>
    <message>
        <source>Demand (30-minute data)</source>
        <translation>デマンド（30分データ）</translation>
    </message>
    <message>
        <source>Import 30-minute data…</source>
        <translation>30分データを読み込む…</translation>
    </message>
    <message>
        <source>No 30-minute data yet</source>
        <translation>まだ30分データがありません</translation>
    </message>
    <message>
        <source>Import the 30-minute readings of your meter (CSV or Excel from your electricity retailer&apos;s web portal or a demand monitor) to see the base load, the peaks and the contract kW they set.</source>
        <translation>メーターの30分値（電力会社のWebサービスやデマンド監視装置から出力したCSVまたはExcel）を取り込むと、ベースロード、ピークと、それが決める契約電力が表示されます。</translation>
    </message>
    <message>
        <source>Heat map: days (down) × half-hours 0:00–24:00 (across)</source>
        <translation>ヒートマップ：日（縦）× 30分（横、0:00〜24:00）</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>No 30-minute data yet: import a file with “Import 30-minute data…”.</source>
        <translation>30分データはまだありません。「30分データを読み込む…」でファイルを読み込んでください。</translation>
    </message>
    <message>
        <source>%1 days. Base load %2 kW (5th percentile of nights 22:00–6:00 and weekends), %3 % of the kWh. Highest demand of the last 12 months: %4 kW — it sets the contract kW (契約電力).</source>
        <translation>%1 日分。ベースロード %2 kW（夜間 22:00〜6:00 と土日の5パーセンタイル）、使用電力量の %3 %。過去12か月の最大デマンド %4 kW（これが契約電力を決めます）。</translation>
    </message>
    <message>
        <source>Typical day (mean kW)</source>
        <translation>典型的な1日（平均 kW）</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>平日</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>土日</translation>
    </message>
    <message>
        <source>Base load</source>
        <translation>ベースロード</translation>
    </message>
    <message>
        <source>Peak demand per month (kW)</source>
        <translation>月別の最大デマンド（kW）</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>最大デマンド</translation>
    </message>
    <message>
        <source>Contract kW</source>
        <translation>契約電力</translation>
    </message>
    <message>
        <source>12-month maximum</source>
        <translation>12か月の最大</translation>
    </message>
    <message>
        <source>%1: the day of the peak (kW)</source>
        <translation>%1：ピークの日（kW）</translation>
    </message>
    <message>
        <source>Import 30-minute data</source>
        <translation>30分データの読み込み</translation>
    </message>
    <message>
        <source>Interval data (*.csv *.xlsx *.txt)</source>
        <translation>30分データ (*.csv *.xlsx *.txt)</translation>
    </message>
</context>
<context>
    <name>ElectricityPage</name>
    <message>
        <source>Electricity retailer</source>
        <translation>電力会社（小売電気事業者）</translation>
    </message>
    <message>
        <source>Search by the retailer&apos;s name or registration number (e.g. A0269).</source>
        <translation>電力会社の名前または登録番号（例: A0269）で検索します。</translation>
    </message>
    <message>
        <source>Retailer name or number</source>
        <translation>電力会社名または登録番号</translation>
    </message>
    <message>
        <source>If your bill names no special menu, keep the preselected (残差) menu: it is the factor for ordinary contracts. You can leave this empty and choose later.</source>
        <translation>請求書に特別なメニュー名がなければ、選択済みの（残差）のままにしてください。一般的な契約に使う係数です。ここは空欄のままにして、あとで選ぶこともできます。</translation>
    </message>
</context>
<context>
    <name>EnergyGridModel</name>
    <message>
        <source>cost (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>推計</translation>
    </message>
    <message>
        <source>The quantity printed on the bill (ご使用量), in %1.</source>
        <translation>請求書に記載の使用量（ご使用量）。単位は %1 です。</translation>
    </message>
    <message>
        <source>The billed amount (ご請求金額) in yen, tax included. Optional.</source>
        <translation>請求金額（ご請求金額、税込、円）。任意です。</translation>
    </message>
    <message>
        <source>Tick when the month&apos;s value is an estimate, not read from a bill.</source>
        <translation>請求書から読んだ値ではなく推計した値のときにチェックします。</translation>
    </message>
    <message>
        <source>Bill attached: %1</source>
        <translation>請求書を添付済み: %1</translation>
    </message>
    <message>
        <source>%1 bill lines added up; change them by importing again.</source>
        <translation>%1 件の請求データの合計です。変更するには取り込み直してください。</translation>
    </message>
    <message>
        <source>Estimated value (not read from a bill)</source>
        <translation>推計値（請求書から読んだ値ではありません）</translation>
    </message>
</context>
<context>
    <name>EnergyPage</name>
    <message>
        <source>Energy use</source>
        <translation>エネルギー使用量</translation>
    </message>
    <message>
        <source>Monthly energy use from your bills, one fiscal year at a time</source>
        <translation>請求書の毎月の使用量を、年度ごとに入力します</translation>
    </message>
    <message>
        <source>Factor of %1 at %2: %3</source>
        <translation>%2 の%1の排出係数: %3</translation>
    </message>
    <message>
        <source>Attach bill scan…</source>
        <translation>請求書の画像を添付…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Attach bill scan</source>
        <translation>請求書の画像を添付</translation>
    </message>
    <message>
        <source>Bill scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>請求書の画像 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>No energy use entered yet</source>
        <translation>エネルギー使用量はまだ入力されていません</translation>
    </message>
    <message>
        <source>Once your company is set up, enter the monthly usage printed on your bills here: electricity in kWh, gas in m³, fuels in litres. You can also paste a 12-month table from Excel.</source>
        <translation>会社情報を登録したら、請求書に記載されている毎月の使用量をここに入力してください（電気は kWh、ガスは m³、燃料は L）。Excel から12か月分の表を貼り付けることもできます。</translation>
    </message>
    <message>
        <source>Energy use by month</source>
        <translation>月別のエネルギー使用量</translation>
    </message>
    <message>
        <source>Fiscal year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>Add next fiscal year</source>
        <translation>次の年度を追加</translation>
    </message>
    <message>
        <source>Type the quantity printed on each bill, or copy 12 months from Excel and press Ctrl+V. Enter moves down, Tab moves right, Delete clears, F2 edits, Ctrl+0 marks a month as not used (0; blank means not entered). A red cell was not saved: point at it to see why.</source>
        <translation>請求書に印字された使用量を入力するか、Excel から 12 か月分をコピーして Ctrl+V で貼り付けます。Enter で下へ、Tab で右へ移動、Delete で消去、F2 で編集、Ctrl+0 でその月を「使用なし」(0) にします（空欄は「未入力」です）。赤いセルは保存されていません。ポインターを合わせると理由が表示されます。</translation>
    </message>
    <message>
        <source>Add energy…</source>
        <translation>エネルギーを追加…</translation>
    </message>
    <message>
        <source>Not used this month (0)</source>
        <translation>この月は使用なし (0)</translation>
    </message>
    <message>
        <source>Blank months: not used (0)</source>
        <translation>使っていない月は 0 にする</translation>
    </message>
    <message>
        <source>Enter 0 in every blank month of the selected column&apos;s energy: for a fuel used only in some months (winter kerosene). A blank month means &quot;not entered&quot; and leaves the year incomplete; 0 means &quot;not used&quot;. Ctrl+0 marks only the selected cells.</source>
        <translation>選んだ列のエネルギーの空欄の月すべてに 0 を入れます。一部の月だけ使う燃料（冬の灯油など）に使います。空欄は「未入力」で年度が未完成のままになり、0 は「使用なし」です。選んだセルだけなら Ctrl+0。</translation>
    </message>
    <message>
        <source>Supplier and factor…</source>
        <translation>供給事業者と排出係数…</translation>
    </message>
    <message>
        <source>The supplier, menu and emission factor of the selected column&apos;s energy: enter the retailer&apos;s published factor with its source when the year has no official list.</source>
        <translation>選択した列のエネルギーの供給事業者・メニュー・排出係数です。その年度の公表一覧がないときは、事業者が公表している係数を出典とともに入力してください。</translation>
    </message>
</context>
<context>
    <name>FactorEntry</name>
    <message>
        <source>Estimate (same supplier, nearest list)</source>
        <translation>推計（最寄り年度の一覧の同じ事業者の値）</translation>
    </message>
    <message>
        <source>Estimate (substitute value of the nearest list)</source>
        <translation>推計（最寄り年度の一覧の代替値）</translation>
    </message>
    <message>
        <source>Entered (source: %1)</source>
        <translation>入力値（出典: %1）</translation>
    </message>
    <message>
        <source>No factor yet (no list for FY%1)</source>
        <translation>係数未設定（%1年度の一覧なし）</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>No list to estimate from is installed: enter the factor instead.</source>
        <translation>推計のもとになる一覧が入っていません。係数を入力してください。</translation>
    </message>
    <message>
        <source>This supplier is not in the FY%1 list: choose its substitute value or enter the factor.</source>
        <translation>この事業者は%1年度の一覧に載っていません。代替値を選ぶか、係数を入力してください。</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>「%1」は数値ではありません。</translation>
    </message>
    <message>
        <source>Enter the basic factor printed by the supplier.</source>
        <translation>事業者が公表している基礎排出係数を入力してください。</translation>
    </message>
    <message>
        <source>%1 t-CO2/kWh is about 1000 times any real factor: it looks like kg-CO2/kWh. Switch the unit to kg-CO2/kWh.</source>
        <translation>%1 t-CO2/kWh は実際の係数の約1000倍です。kg-CO2/kWh の値のようです。単位を kg-CO2/kWh に切り替えてください。</translation>
    </message>
    <message>
        <source>%1 is far above any real factor: check the unit.</source>
        <translation>%1 は実際の係数よりはるかに大きい値です。単位を確認してください。</translation>
    </message>
    <message>
        <source>This looks like a factor in t-CO2/kWh already. Switch the unit to t-CO2/kWh.</source>
        <translation>すでに t-CO2/kWh の値のようです。単位を t-CO2/kWh に切り替えてください。</translation>
    </message>
    <message>
        <source>Enter the source (the page address or the bill&apos;s month): a lender asks where each factor comes from.</source>
        <translation>出典（ページのアドレスや請求書の月）を入力してください。金融機関は各係数の出所を確認します。</translation>
    </message>
    <message>
        <source>The same supplier&apos;s value in the FY%1 list is used for FY%2 and marked 推計 (estimate) on screen and in the report.</source>
        <translation>%1年度の一覧にある同じ事業者の値を%2年度に使い、画面とレポートに「推計」と表示します。</translation>
    </message>
    <message>
        <source>The substitute value (代替値) of the FY%1 list is used for FY%2 and marked 推計 (estimate) on screen and in the report.</source>
        <translation>%1年度の一覧の代替値を%2年度に使い、画面とレポートに「推計」と表示します。</translation>
    </message>
    <message>
        <source>The gas list&apos;s value for your supplier and area, or the default factor of the fuel table when it is not listed.</source>
        <translation>ガス事業者別一覧の事業者・地区の値を使います。一覧にないときは燃料の表の既定値です。</translation>
    </message>
    <message>
        <source>The default factor of the official table.</source>
        <translation>公式の表の既定値を使います。</translation>
    </message>
    <message>
        <source>The FY%1 official list&apos;s factor of your retailer and menu (its 代替値 with a warning when the retailer is not listed).</source>
        <translation>%1年度の公表一覧にある事業者・メニューの係数を使います（一覧にない事業者は代替値を使い、注意を表示します）。</translation>
    </message>
    <message>
        <source>No official list for FY%1 is installed. Choosing this leaves the year incomplete until a factor is given.</source>
        <translation>%1年度の公表一覧は入っていません。これを選ぶと、係数を入力するまでその年度は未完了のままです。</translation>
    </message>
    <message>
        <source>Use the official list</source>
        <translation>公表一覧の係数を使う</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>あとで決める</translation>
    </message>
    <message>
        <source>Enter the factor the supplier publishes</source>
        <translation>事業者が公表している係数を入力する</translation>
    </message>
    <message>
        <source>Use an estimate (推計)</source>
        <translation>推計値を使う</translation>
    </message>
    <message>
        <source>Basic factor (基礎排出係数)</source>
        <translation>基礎排出係数</translation>
    </message>
    <message>
        <source>Adjusted factor (調整後排出係数, blank: same as basic)</source>
        <translation>調整後排出係数（空欄なら基礎と同じ）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Source (page address or bill)</source>
        <translation>出典（ページのアドレスや請求書）</translation>
    </message>
    <message>
        <source>e.g. https://… 電源構成・CO2排出係数, 2024年度</source>
        <translation>例: https://… 電源構成・CO2排出係数、2024年度</translation>
    </message>
    <message>
        <source>t-CO2/kWh (as in the official list)</source>
        <translation>t-CO2/kWh（公表一覧と同じ単位）</translation>
    </message>
    <message>
        <source>kg-CO2/kWh (as on many retailers&apos; pages)</source>
        <translation>kg-CO2/kWh（多くの事業者のページの単位）</translation>
    </message>
    <message>
        <source>t-CO2/thousand m3 (= kg-CO2/m3)</source>
        <translation>t-CO2/千m3（= kg-CO2/m3）</translation>
    </message>
    <message>
        <source>t-CO2 per table unit</source>
        <translation>t-CO2/表の単位</translation>
    </message>
    <message>
        <source>Where to find it: your retailer&apos;s 「電源構成・CO2排出係数」 page (search its site for 排出係数), or your electricity bill. Use the figures for the year of your bills.</source>
        <translation>どこで見るか: 小売電気事業者の「電源構成・CO2排出係数」のページ（サイト内で「排出係数」を検索）、または電気の請求書です。請求書の年度の値を使ってください。</translation>
    </message>
    <message>
        <source>Where to find it: your supplier&apos;s 「CO2排出係数」 page, or your bill.</source>
        <translation>どこで見るか: 事業者の「CO2排出係数」のページ、または請求書です。</translation>
    </message>
    <message>
        <source>Estimate from</source>
        <translation>推計のもと</translation>
    </message>
    <message>
        <source>the substitute value (代替値) of the nearest list</source>
        <translation>最寄り年度の一覧の代替値</translation>
    </message>
    <message>
        <source>the same supplier&apos;s value in the nearest list</source>
        <translation>最寄り年度の一覧の同じ事業者の値</translation>
    </message>
</context>
<context>
    <name>FactorLibraryDialog</name>
    <message>
        <source>Factor library</source>
        <translation>係数ライブラリ</translation>
    </message>
    <message>
        <source>The emission factor editions this app can use. Each fiscal year stays locked to the edition it was calculated with; a newer list is applied only by “Recalculate with newer factors”, after you have seen old and new side by side.</source>
        <translation>このアプリで使える排出係数の版です。各年度は計算したときの版に固定されます。新しい一覧は、「新しい係数で再計算」で新旧を並べて確かめてからだけ適用されます。</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>公表元</translation>
    </message>
    <message>
        <source>Fiscal years</source>
        <translation>対象年度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Where from</source>
        <translation>入手元</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>エネルギー</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>使用量</translation>
    </message>
    <message>
        <source>Old factor</source>
        <translation>旧係数</translation>
    </message>
    <message>
        <source>New factor</source>
        <translation>新係数</translation>
    </message>
    <message>
        <source>Old t-CO2 (adjusted)</source>
        <translation>旧 t-CO2（調整後）</translation>
    </message>
    <message>
        <source>New t-CO2 (adjusted)</source>
        <translation>新 t-CO2（調整後）</translation>
    </message>
    <message>
        <source>Editions (old → new)</source>
        <translation>版（旧 → 新）</translation>
    </message>
    <message>
        <source>Install…</source>
        <translation>インストール…</translation>
    </message>
    <message>
        <source>Recalculate with newer factors</source>
        <translation>新しい係数で再計算</translation>
    </message>
    <message>
        <source>Apply the new factors</source>
        <translation>新しい係数を適用</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>燃料</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>電気</translation>
    </message>
    <message>
        <source>City gas</source>
        <translation>都市ガス</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>熱</translation>
    </message>
    <message>
        <source>Refrigerant</source>
        <translation>冷媒</translation>
    </message>
    <message>
        <source>Energy conversion</source>
        <translation>エネルギー換算</translation>
    </message>
    <message>
        <source>Scope 3</source>
        <translation>スコープ3</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>同梱</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>some suppliers only</source>
        <translation>一部の事業者のみ</translation>
    </message>
    <message>
        <source>Some installed packages could not be read:</source>
        <translation>読めなかった係数パッケージがあります:</translation>
    </message>
    <message>
        <source>Install a factor package</source>
        <translation>係数パッケージのインストール</translation>
    </message>
    <message>
        <source>Factor package (*%1)</source>
        <translation>係数パッケージ (*%1)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Nothing has changed yet. “Apply the new factors” locks %1 to the newer edition (one step; Edit &gt; Undo takes it back).</source>
        <translation>まだ何も変わっていません。「新しい係数を適用」で %1 を新しい版に固定します（1 回の操作で、編集 &gt; 元に戻す で取り消せます）。</translation>
    </message>
    <message>
        <source>FY%1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>Every fiscal year already uses the newest edition.</source>
        <translation>すべての年度が最新の版を使っています。</translation>
    </message>
    <message>
        <source>Locked to the new editions: %1</source>
        <translation>新しい版に固定しました: %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>The file name must end with .ecocheck.</source>
        <translation>ファイル名の末尾は .ecocheck にしてください。</translation>
    </message>
    <message>
        <source>This file already exists. Choose another name.</source>
        <translation>このファイルはすでにあります。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation>フォルダーが見つかりません。</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>プロジェクトの保存先</translation>
    </message>
    <message>
        <source>EcoCheck project (*.ecocheck)</source>
        <translation>EcoCheck プロジェクト (*.ecocheck)</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>プロジェクトファイル</translation>
    </message>
    <message>
        <source>Where to keep this company&apos;s file</source>
        <translation>この会社のファイルを保存する場所</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Every change is saved to this file at once. You can copy it or send it to your advisor like any other file.</source>
        <translation>変更はすべて、その場でこのファイルに保存されます。ほかのファイルと同じように、コピーしたり支援者に送ったりできます。</translation>
    </message>
</context>
<context>
    <name>GasDetails</name>
    <message>
        <source>A city-gas heat value lies between 30 and 60 GJ/千m3.</source>
        <translation>都市ガスの単位発熱量は 30〜60 GJ/千m3 の範囲です。</translation>
    </message>
    <message>
        <source>Enter where the heat value comes from (the supplier&apos;s page or bill).</source>
        <translation>単位発熱量の出典（事業者のページや請求書）を入力してください。</translation>
    </message>
    <message>
        <source>Enter the kg per m3 printed on the delivery slip.</source>
        <translation>納品書に記載の kg/m3 を入力してください。</translation>
    </message>
    <message>
        <source>Enter where the kg per m3 comes from (the delivery slip).</source>
        <translation>kg/m3 の出典（納品書）を入力してください。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>数値を入力してください。</translation>
    </message>
    <message>
        <source>Heat value (GJ/千m3, optional; default 45)</source>
        <translation>単位発熱量（GJ/千m3、任意。既定値 45）</translation>
    </message>
    <message>
        <source>Source of the heat value</source>
        <translation>単位発熱量の出典</translation>
    </message>
    <message>
        <source>LPG billed in m3: convert as</source>
        <translation>m3 で請求される LPG の換算</translation>
    </message>
    <message>
        <source>kg per m3</source>
        <translation>kg/m3</translation>
    </message>
    <message>
        <source>Source of the conversion</source>
        <translation>換算の出典</translation>
    </message>
    <message>
        <source>e.g. 46.0 (from the gas company&apos;s page)</source>
        <translation>例: 46.0（ガス会社のページから）</translation>
    </message>
    <message>
        <source>e.g. the delivery slip of 2024-05</source>
        <translation>例: 2024年5月の納品書</translation>
    </message>
    <message>
        <source>propane (1/502 t per m3, the default)</source>
        <translation>プロパン（1/502 t/m3、既定）</translation>
    </message>
    <message>
        <source>butane</source>
        <translation>ブタン</translation>
    </message>
    <message>
        <source>kg per m3 from the delivery slip</source>
        <translation>納品書の kg/m3</translation>
    </message>
</context>
<context>
    <name>GasPage</name>
    <message>
        <source>No gas supplier list for FY%1 is installed: the default factor of the fuel table is used for “%2”.</source>
        <translation>%1年度のガス事業者別一覧は入っていません。「%2」には燃料の表の既定の係数を使います。</translation>
    </message>
    <message>
        <source>“%2” is not in the FY%1 gas supplier list: the default factor of the fuel table is used. Check the name on your bill.</source>
        <translation>「%2」は%1年度のガス事業者別一覧にありません。燃料の表の既定の係数を使います。請求書の事業者名を確認してください。</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>ガス</translation>
    </message>
    <message>
        <source>Which gas does the site buy? Choose &apos;None&apos; if it uses none.</source>
        <translation>事業所で購入しているガスを選んでください。使っていなければ「なし」を選びます。</translation>
    </message>
    <message>
        <source>City-gas supplier</source>
        <translation>都市ガスの供給事業者</translation>
    </message>
    <message>
        <source>Area / menu</source>
        <translation>地区・メニュー</translation>
    </message>
    <message>
        <source>City gas (都市ガス)</source>
        <translation>都市ガス</translation>
    </message>
    <message>
        <source>LPG (プロパン)</source>
        <translation>LPガス（プロパン）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Choose: city gas, LPG or none</source>
        <translation>選んでください: 都市ガス・LPG・なし</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Project created</source>
        <translation>プロジェクト作成</translation>
    </message>
    <message>
        <source>Company details changed</source>
        <translation>会社情報の変更</translation>
    </message>
    <message>
        <source>Site added or changed</source>
        <translation>事業所の追加・変更</translation>
    </message>
    <message>
        <source>Site deleted</source>
        <translation>事業所の削除</translation>
    </message>
    <message>
        <source>Supply contract changed</source>
        <translation>供給契約の変更</translation>
    </message>
    <message>
        <source>Supply contract deleted</source>
        <translation>供給契約の削除</translation>
    </message>
    <message>
        <source>Fiscal year data changed</source>
        <translation>年度の数値の変更</translation>
    </message>
    <message>
        <source>Fiscal year deleted</source>
        <translation>年度の削除</translation>
    </message>
    <message>
        <source>Energy use added</source>
        <translation>エネルギー使用量の追加</translation>
    </message>
    <message>
        <source>Energy use changed</source>
        <translation>エネルギー使用量の変更</translation>
    </message>
    <message>
        <source>Energy use deleted</source>
        <translation>エネルギー使用量の削除</translation>
    </message>
    <message>
        <source>Equipment checklist changed</source>
        <translation>設備チェックリストの変更</translation>
    </message>
    <message>
        <source>Refrigerant refills changed</source>
        <translation>冷媒充填量の変更</translation>
    </message>
    <message>
        <source>Scope 3 entries changed</source>
        <translation>Scope 3 の入力の変更</translation>
    </message>
    <message>
        <source>Targets changed</source>
        <translation>目標の変更</translation>
    </message>
    <message>
        <source>Measure plan changed</source>
        <translation>対策計画の変更</translation>
    </message>
    <message>
        <source>Bill scan attached</source>
        <translation>請求書の画像を添付</translation>
    </message>
    <message>
        <source>Bill scan removed</source>
        <translation>請求書の画像を削除</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>month</source>
        <translation>年月</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>エネルギー</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>使用量</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>cost (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <source>site</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>推計</translation>
    </message>
    <message>
        <source>note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供給事業者</translation>
    </message>
    <message>
        <source>menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>This project has not been handed over yet.</source>
        <translation>このプロジェクトはまだ引き継ぎ（受け渡し）をしていません。</translation>
    </message>
    <message>
        <source>Nothing has changed since the hand-over on %1 by %2.</source>
        <translation>%1 に %2 さんが引き継いでから、変更はありません。</translation>
    </message>
    <message>
        <source>%3 change(s) since the hand-over on %1 by %2</source>
        <translation>%1 に %2 さんが引き継いでからの変更: %3 件</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>変更した人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更前 → 変更後</translation>
    </message>
    <message>
        <source>Changes since the hand-over</source>
        <translation>引き継ぎ以降の変更</translation>
    </message>
    <message>
        <source>This file is exactly as it was handed back: the list shows the changes made before it was handed back.</source>
        <translation>このファイルは返送されたときのままです。一覧は、返送される前に相手が行った変更です。</translation>
    </message>
    <message>
        <source>Every change is saved with who made it and when; nothing here can be lost.</source>
        <translation>変更はすべて、だれがいつ行ったかとともに保存されています。ここに表示された内容が失われることはありません。</translation>
    </message>
    <message>
        <source>Use File &gt; Hand over a copy… to send the project to the owner or advisor.</source>
        <translation>事業者さまや支援者にプロジェクトを渡すときは、「ファイル」→「引き継ぎ用のコピーを作成…」を使ってください。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>EcoCheck help</source>
        <translation>EcoCheck ヘルプ</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <source>Start here: create, open or try a project</source>
        <translation>ここから始めます：プロジェクトの作成・読み込み・お試し</translation>
    </message>
    <message>
        <source>Continue with energy use</source>
        <translation>エネルギー使用量の入力を続ける</translation>
    </message>
    <message>
        <source>Creating a new project…</source>
        <translation>新しいプロジェクトを作成しています…</translation>
    </message>
    <message>
        <source>This project is open and every change is saved. Continue entering energy use, or create or open another project.</source>
        <translation>このプロジェクトを開いています。変更はすべて保存されています。エネルギー使用量の入力を続けるか、別のプロジェクトを作成するか開いてください。</translation>
    </message>
    <message>
        <source>Welcome to EcoCheck Desktop</source>
        <translation>EcoCheck Desktop へようこそ</translation>
    </message>
    <message>
        <source>No project is open. Create a new project for your company, or open a project file (.ecocheck) you saved before. You can also look around with the demo company first.</source>
        <translation>プロジェクトが開かれていません。会社の新しいプロジェクトを作成するか、以前に保存したプロジェクトファイル（.ecocheck）を開いてください。まずはデモ会社で操作をお試しいただくこともできます。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新しいプロジェクト…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>プロジェクトを開く…</translation>
    </message>
    <message>
        <source>Try the demo company</source>
        <translation>デモ会社で試す</translation>
    </message>
    <message>
        <source>Recent projects (double-click to open)</source>
        <translation>最近使ったプロジェクト（ダブルクリックで開きます）</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import bills</source>
        <translation>請求書データの取り込み</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Problems (these rows will not be imported)</source>
        <translation>問題（これらの行は取り込まれません）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>年月</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>エネルギー</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>使用量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>Cost (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>No official factor list for these years: enter each retailer&apos;s published factor (with its source) or choose an estimate. Otherwise the year stays incomplete.</source>
        <translation>これらの年度には公表された係数の一覧がありません。各事業者が公表している係数を出典とともに入力するか、推計を選んでください。そうしないと、その年度は未完了のままです。</translation>
    </message>
    <message>
        <source>Supplier and factor…</source>
        <translation>供給事業者と排出係数…</translation>
    </message>
    <message>
        <source>%1: %2 rows can be imported, %3 problems.</source>
        <translation>%1: %2 行を取り込めます。問題は %3 件です。</translation>
    </message>
    <message>
        <source>The file also gives these company figures:</source>
        <translation>ファイルには次の会社の数値もあります:</translation>
    </message>
    <message>
        <source>%1 at %2 (FY%3): factor needed</source>
        <translation>%2 の%1（%3年度）: 係数が必要です</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%2 の%1: %3</translation>
    </message>
    <message>
        <source>%1 cannot be imported.</source>
        <translation>%1 は取り込めません。</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Revenue FY%1 (million yen)</source>
        <translation>売上高 %1年度 (百万円)</translation>
    </message>
    <message>
        <source>%1: %2 (now empty)</source>
        <translation>%1: %2 (現在は空欄)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>The bill file gives other company figures than the project:
%1

Replace the project&apos;s values with the file&apos;s? (No keeps the project&apos;s values; the bills are imported either way.)</source>
        <translation>請求書ファイルの会社の数値がプロジェクトと異なります:
%1

プロジェクトの値をファイルの値で置き換えますか？ (「いいえ」ではプロジェクトの値を残します。請求書はどちらでも取り込みます。)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新しいプロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Hand over a copy…</source>
        <translation>引き継ぎ用のコピーを作成(&amp;H)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>コピーとして保存(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Changes since hand-over…</source>
        <translation>引き継ぎ以降の変更(&amp;C)…</translation>
    </message>
    <message>
        <source>Answers to &amp;customers…</source>
        <translation>取引先への回答(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Factor library…</source>
        <translation>係数ライブラリ(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>EcoCheck &amp;help</source>
        <translation>EcoCheck ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About EcoCheck Desktop</source>
        <translation>EcoCheck Desktop について(&amp;A)</translation>
    </message>
    <message>
        <source>No project open: there is nothing to save.</source>
        <translation>プロジェクトが開かれていません。保存するものはありません（変更は自動で保存されます）。</translation>
    </message>
    <message>
        <source>Saved. Every change is also saved automatically.</source>
        <translation>保存しました。変更はすべて自動でも保存されています。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>EcoCheck project (*.ecocheck)</source>
        <translation>EcoCheck プロジェクト (*.ecocheck)</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>プロジェクト未選択</translation>
    </message>
    <message>
        <source>Not saved: the file was changed by another program. Use File &gt; Save a copy as… to keep your changes</source>
        <translation>保存されていません：ファイルがほかのプログラムによって変更されました。変更内容を残すには「ファイル」→「コピーとして保存…」を使ってください</translation>
    </message>
    <message>
        <source>Hand over a copy</source>
        <translation>引き継ぎ用のコピーの保存先</translation>
    </message>
    <message>
        <source>A copy for hand-over was written to %1</source>
        <translation>引き継ぎ用のコピーを %1 に保存しました</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>コピーとして保存</translation>
    </message>
    <message>
        <source>The project was saved as %1</source>
        <translation>プロジェクトを %1 として保存しました</translation>
    </message>
    <message>
        <source>Bill attached: %1</source>
        <translation>請求書を添付済み: %1</translation>
    </message>
    <message>
        <source>Open or create a project first, then import bills.</source>
        <translation>先にプロジェクトを開くか作成してから、請求書データを取り込んでください。</translation>
    </message>
    <message>
        <source>Your changes are only in this window: the project file was changed by another program. Close without saving them as a copy?</source>
        <translation>プロジェクトファイルがほかのプログラムによって変更されたため、変更内容はこのウィンドウにしか残っていません。コピーとして保存せずに閉じますか？</translation>
    </message>
    <message>
        <source>All changes saved (%1)</source>
        <translation>すべての変更を保存しました（%1）</translation>
    </message>
    <message>
        <source>The last change could not be saved</source>
        <translation>最後の変更を保存できませんでした</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The translation files are missing; the app stays in English.</source>
        <translation>翻訳ファイルが見つからないため、英語のまま表示します。</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Measures</source>
        <translation>削減対策</translation>
    </message>
    <message>
        <source>Reduction measures ranked by cost and CO2 saved</source>
        <translation>費用と CO2 削減量で順位付けした削減対策</translation>
    </message>
    <message>
        <source>t-CO2/yr</source>
        <translation>t-CO2/年</translation>
    </message>
    <message>
        <source>Subsidies to look at (no amount promised)</source>
        <translation>検討できる補助金(金額は保証されません)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>CO2 saved</source>
        <translation>CO2 削減量</translation>
    </message>
    <message>
        <source>of which Scope 1</source>
        <translation>うち Scope 1</translation>
    </message>
    <message>
        <source>of which Scope 2</source>
        <translation>うち Scope 2</translation>
    </message>
    <message>
        <source>Money saved</source>
        <translation>光熱費の削減額</translation>
    </message>
    <message>
        <source>Your plan: %1 t-CO2/yr less (%2 % of the year), saving %3 (10k yen/yr), investment %4–%5 (10k yen).</source>
        <translation>計画の効果: CO2 を年 %1 t 削減(年間排出量の %2 %)、光熱費を年 %3 万円削減、投資額 %4～%5 万円。</translation>
    </message>
    <message>
        <source>No measure ticked yet, so all ranked measures are counted together: %1 t-CO2/yr (%2 % of the year), saving %3 (10k yen/yr), investment %4–%5 (10k yen).</source>
        <translation>まだ対策を選んでいないため、順位のある対策すべてを合計しています: CO2 年 %1 t(年間排出量の %2 %)、光熱費 年 %3 万円、投資額 %4～%5 万円。</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投資額</translation>
    </message>
    <message>
        <source>Payback (years)</source>
        <translation>投資回収年数</translation>
    </message>
    <message>
        <source>10k yen</source>
        <translation>万円</translation>
    </message>
    <message>
        <source>10k yen/yr</source>
        <translation>万円/年</translation>
    </message>
    <message>
        <source>Investment (10k yen)</source>
        <translation>投資額(万円)</translation>
    </message>
    <message>
        <source>Net present value</source>
        <translation>正味現在価値 (NPV)</translation>
    </message>
    <message>
        <source>Yen/t-CO2</source>
        <translation>円/t-CO2</translation>
    </message>
    <message>
        <source>Lifetime / legal life</source>
        <translation>耐用年数 / 法定耐用年数(年)</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <source>In the plan: counted after the measures above it (no double counting).</source>
        <translation>計画内: 上の対策を実施した後の残りに対して計算しています(二重計上なし)。</translation>
    </message>
    <message>
        <source>On its own, against this year&apos;s energy use.</source>
        <translation>この対策だけを、この年度のエネルギー使用量に対して計算しています。</translation>
    </message>
    <message>
        <source>※ Overlap with other measures deducted: a ticked measure&apos;s figures are what is left after the measures above it, so they change as you tick.</source>
        <translation>※ 重複する対策の効果を差し引いています：※の数値は、計画で上にある対策が同じエネルギーを先に減らした後の残りの分です。チェックを入れたり外したりすると変わります。</translation>
    </message>
    <message>
        <source>%1 more measures need an answer in the equipment checklist.</source>
        <translation>ほかに %1 件の対策は、設備チェックリストへの回答が必要です。</translation>
    </message>
    <message>
        <source>No measures planned yet</source>
        <translation>削減対策はまだ計画されていません</translation>
    </message>
    <message>
        <source>When your results are ready, tick the equipment you have (lighting, compressors, boilers, air conditioners, vehicles and so on). The reduction measures are then ranked by cost and CO2 saved, and you choose the ones to plan.</source>
        <translation>結果が出たら、お使いの設備（照明、コンプレッサー、ボイラー、空調、車両など）にチェックを入れてください。削減対策を費用と CO2 削減量の順に並べますので、計画に入れるものをお選びください。</translation>
    </message>
    <message>
        <source>Reduction measures</source>
        <translation>削減対策</translation>
    </message>
    <message>
        <source>Equipment checklist…</source>
        <translation>設備チェックリスト…</translation>
    </message>
    <message>
        <source>All measures</source>
        <translation>すべての対策</translation>
    </message>
    <message>
        <source>Operational (no investment)</source>
        <translation>運用改善(投資なし)</translation>
    </message>
    <message>
        <source>Starts in fiscal year</source>
        <translation>実施年度</translation>
    </message>
</context>
<context>
    <name>MeasuresTableModel</name>
    <message>
        <source>Sourced</source>
        <translation>出典あり</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>導出</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>immediate</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>≤ life</source>
        <translation>≤法定</translation>
    </message>
    <message>
        <source>&gt; life</source>
        <translation>&gt;法定</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>対策</translation>
    </message>
    <message>
        <source>t-CO2/yr</source>
        <translation>t-CO2/年</translation>
    </message>
    <message>
        <source>Savings (10k yen/yr)</source>
        <translation>節約額(万円/年)</translation>
    </message>
    <message>
        <source>Investment (10k yen)</source>
        <translation>投資額(万円)</translation>
    </message>
    <message>
        <source>Payback (years)</source>
        <translation>回収年数</translation>
    </message>
    <message>
        <source>Yen/t-CO2</source>
        <translation>円/t-CO2</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <source>Tick the measures you plan to carry out</source>
        <translation>実施する予定の対策にチェックを入れてください</translation>
    </message>
    <message>
        <source>※ Overlap with other measures deducted: the measures above it in the plan already cut the same energy, so this figure is smaller than the measure alone and changes when you tick or untick them.</source>
        <translation>※ 重複する対策の効果を差し引いています：計画で上にある対策が同じエネルギーを先に減らすため、この対策だけを実施した場合より小さく、それらのチェックを入れたり外したりすると変わります。</translation>
    </message>
    <message>
        <source>Sourced: numbers from a cited source. Derived: calculated from sourced figures. Unconfirmed: an estimate to check with a supplier.</source>
        <translation>出典あり: 出典のある数値。導出: 出典のある数値から計算した値。未確認: 業者への確認が必要な概算値。</translation>
    </message>
    <message>
        <source>0 (yen only)</source>
        <translation>0（円のみ）</translation>
    </message>
</context>
<context>
    <name>NewCompanyWizard</name>
    <message>
        <source>New company</source>
        <translation>新しい会社</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Go to Home</source>
        <translation>ホームへ移動</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Portfolio</source>
        <translation>ポートフォリオ</translation>
    </message>
    <message>
        <source>For advisors: key figures of all client companies in one folder</source>
        <translation>支援者向け：フォルダー内の全顧客企業の主な数値</translation>
    </message>
    <message>
        <source>Choose the folder of your client files</source>
        <translation>顧客企業のファイルがあるフォルダーを選択</translation>
    </message>
    <message>
        <source>Reading the project files …</source>
        <translation>プロジェクトファイルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <source>Choose the folder for the PDF reports</source>
        <translation>PDF レポートの保存先フォルダーを選択</translation>
    </message>
    <message>
        <source>Writing %1 PDF reports …</source>
        <translation>%1 件の PDF レポートを書き出しています…</translation>
    </message>
    <message>
        <source>PDF reports</source>
        <translation>PDF レポート</translation>
    </message>
    <message>
        <source>Writing the reports of %1 companies …</source>
        <translation>%1 社のレポートを書き出しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stopping after the current file …</source>
        <translation>処理中のファイルが終わりしだい停止します…</translation>
    </message>
    <message>
        <source>Consortium summary (PDF)</source>
        <translation>集計報告 (PDF)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Consortium summary (CSV)</source>
        <translation>集計報告 (CSV)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the list (CSV)</source>
        <translation>一覧を書き出す (CSV)</translation>
    </message>
    <message>
        <source>Writing %1 …</source>
        <translation>%1 を書き出しています…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>保存しました: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The portfolio could not be completed</source>
        <translation>ポートフォリオの処理を完了できませんでした</translation>
    </message>
    <message>
        <source>%1 reports written to %2.</source>
        <translation>%1 件のレポートを %2 に保存しました。</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 件は書き出せませんでした。</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>途中で停止しました。</translation>
    </message>
    <message>
        <source>%1 project files</source>
        <translation>プロジェクトファイル %1 件</translation>
    </message>
    <message>
        <source>, %1 without figures</source>
        <translation>、うち数値のないもの %1 件</translation>
    </message>
    <message>
        <source>This folder holds no project files (.ecocheck).</source>
        <translation>このフォルダーにはプロジェクトファイル (.ecocheck) がありません。</translation>
    </message>
    <message>
        <source>No folder chosen yet</source>
        <translation>フォルダーがまだ選ばれていません</translation>
    </message>
    <message>
        <source>For advisors: choose a folder that holds the project files of your client companies. Their key figures will be listed here side by side.</source>
        <translation>支援機関・アドバイザーの方向けのページです。顧客企業のプロジェクトファイルが入ったフォルダーを選んでください。各社の主な数値をここに一覧で表示します。</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>フォルダーを選択…</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>フォルダーを変更…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>最新の情報に更新</translation>
    </message>
    <message>
        <source>Read the folder again (F5)</source>
        <translation>フォルダーを読み直します (F5)</translation>
    </message>
    <message>
        <source>Filter by company, industry or file name</source>
        <translation>会社名・業種・ファイル名で絞り込み</translation>
    </message>
    <message>
        <source>Show files without figures</source>
        <translation>数値のないファイルも表示</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Open the selected company (or double-click its row)</source>
        <translation>選んだ会社を開きます (行のダブルクリックでも開けます)</translation>
    </message>
    <message>
        <source>PDF reports…</source>
        <translation>PDF レポート…</translation>
    </message>
    <message>
        <source>A PDF report for each selected company (all companies listed if none is selected)</source>
        <translation>選んだ会社ごとに PDF レポートを書き出します (選んでいなければ一覧の全社)</translation>
    </message>
    <message>
        <source>Anonymise company names</source>
        <translation>会社名を匿名にする</translation>
    </message>
    <message>
        <source>Companies appear as Company A, Company B … and file names are left out</source>
        <translation>会社名を「企業 A」「企業 B」… と表示し、ファイル名は載せません</translation>
    </message>
    <message>
        <source>Consortium PDF…</source>
        <translation>集計報告 PDF…</translation>
    </message>
    <message>
        <source>Consortium CSV…</source>
        <translation>集計報告 CSV…</translation>
    </message>
    <message>
        <source>Totals, by industry and by energy, the spread of intensity and the planned reductions of all companies listed, for the city or the consortium</source>
        <translation>一覧の全社の合計、業種別・エネルギー別の排出量、原単位の分布、計画削減量をまとめます (市や協議会向け)</translation>
    </message>
    <message>
        <source>Export list (CSV)…</source>
        <translation>一覧を CSV で書き出す…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
</context>
<context>
    <name>PortfolioTableModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Year incomplete</source>
        <translation>年度が未完了</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>新しい版</translation>
    </message>
    <message>
        <source>Not a project file</source>
        <translation>対象外のファイル</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>読み込めない</translation>
    </message>
    <message>
        <source>Needs recovery</source>
        <translation>復元が必要</translation>
    </message>
    <message>
        <source>No energy data yet</source>
        <translation>データ未入力</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>FY</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Scope 1+2
[t-CO2]</source>
        <translation>Scope 1+2
[t-CO2]</translation>
    </message>
    <message>
        <source>Change vs
last FY</source>
        <translation>前年度比</translation>
    </message>
    <message>
        <source>Intensity
[t/million yen]</source>
        <translation>原単位
[t/百万円]</translation>
    </message>
    <message>
        <source>Data
complete</source>
        <translation>データの
充足率</translation>
    </message>
    <message>
        <source>Planned cut
[t-CO2/yr]</source>
        <translation>計画削減量
[t-CO2/年]</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>The latest fiscal year whose calculation is complete</source>
        <translation>計算が完了している最新の年度</translation>
    </message>
    <message>
        <source>Scope 1 + Scope 2 on the adjusted (market) basis of the SHK rules</source>
        <translation>温対法の調整後排出係数による Scope 1 + Scope 2</translation>
    </message>
    <message>
        <source>Change of Scope 1+2 against the fiscal year before</source>
        <translation>前年度と比べた Scope 1+2 の増減 (その年度の全月がそろっている場合のみ)</translation>
    </message>
    <message>
        <source>Scope 1+2 (t-CO2) per million yen of revenue</source>
        <translation>売上高100万円あたりの Scope 1+2 (t-CO2)</translation>
    </message>
    <message>
        <source>Share of the months with a bill, for every energy the company used that year</source>
        <translation>その年度に使ったエネルギーごとの、請求データのある月の割合</translation>
    </message>
    <message>
        <source>The annual reduction of the measures in the company&apos;s plan; with * the reduction its target asks for (no plan yet)</source>
        <translation>削減計画に選んだ対策による年間削減量。* は計画がなく、目標の削減量を示したもの</translation>
    </message>
</context>
<context>
    <name>ProjectService</name>
    <message>
        <source>Clear cells</source>
        <translation>セルの消去</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n month(s) as not used</source>
        <translation>
            <numerusform>%n か月を「使用なし」にする</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n cell(s)</source>
        <translation>
            <numerusform>%n セルの貼り付け</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit quantity</source>
        <translation>使用量の編集</translation>
    </message>
    <message>
        <source>Edit cost</source>
        <translation>金額の編集</translation>
    </message>
    <message>
        <source>Mark as estimated</source>
        <translation>推計の印</translation>
    </message>
    <message numerus="yes">
        <source>Import %n bill line(s)</source>
        <translation>
            <numerusform>請求データ %n 件の取り込み</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit company</source>
        <translation>会社情報の編集</translation>
    </message>
    <message>
        <source>Edit fiscal year</source>
        <translation>年度の数値の編集</translation>
    </message>
    <message>
        <source>Edit contract</source>
        <translation>契約の編集</translation>
    </message>
    <message>
        <source>Edit equipment checklist</source>
        <translation>設備チェックリストの編集</translation>
    </message>
    <message>
        <source>Edit reduction plan</source>
        <translation>削減計画の編集</translation>
    </message>
    <message>
        <source>Edit targets</source>
        <translation>目標の編集</translation>
    </message>
    <message>
        <source>Recalculate with newer factors</source>
        <translation>新しい係数で再計算</translation>
    </message>
    <message>
        <source>Edit customers</source>
        <translation>取引先の編集</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <source>PDF report and CSV export for your bank or city office</source>
        <translation>金融機関や市役所向けの PDF レポートと CSV 出力</translation>
    </message>
    <message>
        <source>t-CO2</source>
        <translation>t-CO2</translation>
    </message>
    <message>
        <source>This year is not complete, so no report can be written for it yet:</source>
        <translation>この年度はデータが揃っていないため、まだレポートを作成できません:</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>PDF レポートの書き出し</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export key figures (CSV)</source>
        <translation>主要数値の書き出し (CSV)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export key figures (JSON)</source>
        <translation>主要数値の書き出し (JSON)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Writing %1 …</source>
        <translation>%1 を書き出しています…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>保存しました: %1</translation>
    </message>
    <message>
        <source>The file was not written.</source>
        <translation>ファイルは書き出されませんでした。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>No report to export yet</source>
        <translation>出力できるレポートはまだありません</translation>
    </message>
    <message>
        <source>Once energy use has been entered, you can export from this page a PDF report for your bank or city office and a CSV file of the figures.</source>
        <translation>エネルギー使用量を入力すると、このページから金融機関や市役所に提出する PDF レポートと、数値の CSV ファイルを出力できます。</translation>
    </message>
    <message>
        <source>The report&apos;s summary page</source>
        <translation>レポートの概要ページ</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>事業者名</translation>
    </message>
    <message>
        <source>Reporting year</source>
        <translation>報告年度</translation>
    </message>
    <message>
        <source>Scope 1 (direct)</source>
        <translation>Scope 1(直接排出)</translation>
    </message>
    <message>
        <source>Scope 2 (adjusted, market basis)</source>
        <translation>Scope 2(調整後・マーケット基準)</translation>
    </message>
    <message>
        <source>Scope 2 (location basis)</source>
        <translation>Scope 2(ロケーション基準)</translation>
    </message>
    <message>
        <source>Total Scope 1+2 (adjusted)</source>
        <translation>Scope 1+2 合計(調整後)</translation>
    </message>
    <message>
        <source>Change vs previous year</source>
        <translation>前年度比</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>原単位</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>レポートの言語</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Name shown on the cover (optional)</source>
        <translation>表紙に記載する名前(任意)</translation>
    </message>
    <message>
        <source>Sections of the PDF</source>
        <translation>PDFに含める項目</translation>
    </message>
    <message>
        <source>The summary, the disclaimer and the appendix are always included.</source>
        <translation>要約・免責事項・付録は常に含まれます。</translation>
    </message>
    <message>
        <source>Company profile</source>
        <translation>会社概要</translation>
    </message>
    <message>
        <source>Boundary and method</source>
        <translation>算定範囲と方法</translation>
    </message>
    <message>
        <source>Emission factors used</source>
        <translation>使用した排出係数</translation>
    </message>
    <message>
        <source>Results by scope</source>
        <translation>算定結果</translation>
    </message>
    <message>
        <source>Intensities</source>
        <translation>原単位と炭素生産性</translation>
    </message>
    <message>
        <source>Energy cost</source>
        <translation>エネルギーコスト</translation>
    </message>
    <message>
        <source>End-use split (estimate)</source>
        <translation>用途別内訳 (推計)</translation>
    </message>
    <message>
        <source>Trend and targets</source>
        <translation>推移と目標</translation>
    </message>
    <message>
        <source>Reduction measures</source>
        <translation>削減対策</translation>
    </message>
    <message>
        <source>Demand (30-minute data)</source>
        <translation>デマンド（30分データ）</translation>
    </message>
    <message>
        <source>Roadmap to 2030 and 2050</source>
        <translation>2030年・2050年へのロードマップ</translation>
    </message>
    <message>
        <source>Loan targets (SPT) and performance</source>
        <translation>融資の目標 (SPT) と実績</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>データの品質</translation>
    </message>
    <message>
        <source>Data quality (PCAF) and declaration</source>
        <translation>データ品質の評価 (PCAF) と代表者の宣誓</translation>
    </message>
    <message>
        <source>Compliance notes</source>
        <translation>法令上の確認事項</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF を書き出す…</translation>
    </message>
    <message>
        <source>Key figures (CSV)…</source>
        <translation>主要数値 (CSV)…</translation>
    </message>
    <message>
        <source>Key figures (JSON)…</source>
        <translation>主要数値 (JSON)…</translation>
    </message>
    <message>
        <source>The main figures of every fiscal year, for a spreadsheet or the city office</source>
        <translation>全年度の主要数値(表計算ソフトや市役所への提出用)</translation>
    </message>
    <message>
        <source>The same figures as JSON with a versioned schema (docs/companion-schema.md)</source>
        <translation>同じ数値を、版管理されたスキーマの JSON で(docs/companion-schema.md)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダを開く</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Your CO2 emissions: Scope 1 (fuels burned on site) and Scope 2 (purchased electricity and heat)</source>
        <translation>CO2 排出量：スコープ1（自社での燃料の使用）とスコープ2（購入した電気・熱）</translation>
    </message>
    <message>
        <source>t-CO2</source>
        <translation>t-CO2</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未確定</translation>
    </message>
    <message>
        <source>factor needed: %1</source>
        <translation>係数が未入力: %1</translation>
    </message>
    <message>
        <source>%1 more in the checks below</source>
        <translation>ほか %1 件は下の確認事項をご覧ください</translation>
    </message>
    <message>
        <source>Incomplete: this year&apos;s figures are not final.</source>
        <translation>未確定: この年度の数値はまだ確定していません。</translation>
    </message>
    <message>
        <source>%1 of 12 months</source>
        <translation>12か月中 %1 か月</translation>
    </message>
    <message>
        <source>months left blank</source>
        <translation>空欄の月があります</translation>
    </message>
    <message>
        <source>a factor has no source</source>
        <translation>出典のない係数があります</translation>
    </message>
    <message>
        <source>see the checks</source>
        <translation>確認事項をご覧ください</translation>
    </message>
    <message>
        <source>basic %1</source>
        <translation>基礎 %1</translation>
    </message>
    <message>
        <source>vs %1</source>
        <translation>%1 比</translation>
    </message>
    <message>
        <source>no previous year</source>
        <translation>前年度のデータなし</translation>
    </message>
    <message>
        <source>enter revenue on the Company page</source>
        <translation>会社情報で売上高を入力してください</translation>
    </message>
    <message>
        <source>No results to show yet</source>
        <translation>表示できる結果はまだありません</translation>
    </message>
    <message>
        <source>Results appear here as soon as energy use has been entered: Scope 1 and Scope 2 emissions in t-CO2, calculated with the basic and adjusted emission factors of your electricity retailer and with the national average.</source>
        <translation>エネルギー使用量を入力すると、ここに結果が表示されます。スコープ1とスコープ2の排出量（t-CO2）を、電力会社の基礎排出係数・調整後排出係数と、全国平均係数で計算します。</translation>
    </message>
    <message>
        <source>Basic emission factor: the CO2 per kWh your retailer actually emitted.
Adjusted emission factor: the same after the retailer&apos;s certificates and offsets.
National average: one factor for all of Japan, for comparison.</source>
        <translation>基礎排出係数：電力会社が実際に排出した 1 kWh あたりの CO2 です。
調整後排出係数：電力会社が非化石証書などで調整した後の値です。
全国平均係数：比較のための、日本全体で一つの係数です。</translation>
    </message>
    <message>
        <source>Scope 1 (fuels)</source>
        <translation>スコープ1（燃料）</translation>
    </message>
    <message>
        <source>Fuel burnt on site: gas, oil, LPG</source>
        <translation>自社で燃やした燃料（ガス・石油・LPガス）</translation>
    </message>
    <message>
        <source>Scope 2 (adjusted)</source>
        <translation>スコープ2（調整後）</translation>
    </message>
    <message>
        <source>Purchased electricity and heat with the retailer&apos;s adjusted factor</source>
        <translation>購入した電気・熱（電力会社の調整後排出係数）</translation>
    </message>
    <message>
        <source>Scope 2 (national average)</source>
        <translation>スコープ2（全国平均）</translation>
    </message>
    <message>
        <source>Purchased electricity with the national average factor</source>
        <translation>購入した電気（全国平均係数）</translation>
    </message>
    <message>
        <source>Total Scope 1+2</source>
        <translation>合計（スコープ1+2）</translation>
    </message>
    <message>
        <source>Scope 1 + Scope 2 (adjusted)</source>
        <translation>スコープ1 + スコープ2（調整後）</translation>
    </message>
    <message>
        <source>Change vs previous year</source>
        <translation>前年度比</translation>
    </message>
    <message>
        <source>Total, adjusted basis</source>
        <translation>合計・調整後</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>原単位</translation>
    </message>
    <message>
        <source>Total per unit of activity</source>
        <translation>活動量あたりの排出量</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>月別</translation>
    </message>
    <message>
        <source>By scope</source>
        <translation>スコープ別</translation>
    </message>
    <message>
        <source>Year on year</source>
        <translation>年度推移</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>係数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>版</translation>
    </message>
    <message>
        <source>How chosen</source>
        <translation>選び方</translation>
    </message>
    <message>
        <source>Emission factors used (double-click for the source)</source>
        <translation>使用した排出係数（ダブルクリックで出典を開きます）</translation>
    </message>
    <message>
        <source>Checks (double-click to go to the cell)</source>
        <translation>確認事項（ダブルクリックで該当セルへ移動）</translation>
    </message>
</context>
<context>
    <name>SupplierSearch</name>
    <message>
        <source>FY%1 has no full list, but this retailer&apos;s FY%1 factor is bundled from a published source: it is used (no need to enter it).</source>
        <translation>%1年度の一覧は全体を同梱していませんが、この電気事業者の%1年度の係数は公表資料から同梱しています。その値を使います（入力は不要です）。</translation>
    </message>
    <message>
        <source>No official list for FY%1 is installed. Type the name as on your bill and enter the factor from the supplier&apos;s page below.</source>
        <translation>%1年度の公表一覧は入っていません。請求書どおりに名前を入力し、下で事業者のページの係数を入力してください。</translation>
    </message>
    <message>
        <source>No official list for FY%1 is installed, and no name in the FY%2 list matches “%3”. Keep the name as typed and enter the factor from the supplier&apos;s page below.</source>
        <translation>%1年度の公表一覧は入っていません。%2年度の一覧にも「%3」に合う名前はありません。名前はこのままにして、下で事業者のページの係数を入力してください。</translation>
    </message>
    <message>
        <source>No official list for FY%1 is installed, and no name in the FY%2 list is exactly “%3”; similar names are listed. Pick yours, or keep the name as typed and enter the factor from the supplier&apos;s page below.</source>
        <translation>%1年度の公表一覧は入っていません。%2年度の一覧にも「%3」と同じ名前はなく、似た名前を並べています。ご自分の事業者を選ぶか、名前はこのままにして、下で事業者のページの係数を入力してください。</translation>
    </message>
    <message>
        <source>No official list for FY%1 is installed. The names shown come from the FY%2 list: pick yours, then enter its FY%1 factor from the supplier&apos;s page below, or choose an estimate.</source>
        <translation>%1年度の公表一覧は入っていません。表示している名前は%2年度の一覧のものです。ご契約の事業者を選び、下で事業者のページにある%1年度の係数を入力するか、推計を選んでください。</translation>
    </message>
    <message>
        <source>Type part of the name or the registration number on your bill.</source>
        <translation>請求書にある名前の一部か登録番号を入力してください。</translation>
    </message>
    <message>
        <source>No supplier in the FY%1 list matches “%2”. Check the spelling on your bill, or keep the name as typed and enter the factor from the supplier&apos;s page below.</source>
        <translation>%1年度の一覧に「%2」に合う事業者はありません。請求書の表記を確認するか、名前はこのままにして、下で事業者のページの係数を入力してください。</translation>
    </message>
    <message>
        <source>No supplier in the FY%1 list is exactly “%2”. Similar names are listed: pick yours, or keep the name as typed and enter the factor from the supplier&apos;s page below.</source>
        <translation>%1年度の一覧に「%2」と同じ名前の事業者はありません。似た名前を並べています。ご自分の事業者を選ぶか、名前はこのままにして、下で事業者のページの係数を入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n supplier(s) found. Choose yours.</source>
        <translation>
            <numerusform>%n 件の事業者が見つかりました。ご契約の事業者を選んでください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Supplier name or registration number</source>
        <translation>事業者名または登録番号</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <source>Targets</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Base year, reduction targets and the path to reach them</source>
        <translation>基準年度、削減目標、目標までの道筋</translation>
    </message>
    <message>
        <source>%1: no complete data for the base year %2</source>
        <translation>%1: 基準年度 %2 のデータが揃っていません</translation>
    </message>
    <message>
        <source>on track (%1 below)</source>
        <translation>達成見込み(%1 下回る)</translation>
    </message>
    <message>
        <source>%1 still to find</source>
        <translation>あと %1 の削減が必要</translation>
    </message>
    <message>
        <source>No reduction plan yet: tick measures on the Measures page to see it here.</source>
        <translation>削減計画はまだありません。「削減対策」ページで対策にチェックを入れると、ここに計画の線が表示されます。</translation>
    </message>
    <message>
        <source>No targets set yet</source>
        <translation>目標はまだ設定されていません</translation>
    </message>
    <message>
        <source>Choose a base year and a target year, then the reduction you aim for (for example −46% against FY2013, like the national target). The path from today to the target is shown here.</source>
        <translation>基準年度と目標年度を選び、目指す削減率を入力してください（例：国の目標と同じ「2013年度比 −46%」）。現在から目標までの道筋をここに表示します。</translation>
    </message>
    <message>
        <source>Base year</source>
        <translation>基準年度</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Base year (t-CO2)</source>
        <translation>基準年度 (t-CO2)</translation>
    </message>
    <message>
        <source>FY2030 (t-CO2)</source>
        <translation>2030年度 (t-CO2)</translation>
    </message>
    <message>
        <source>FY2050 (t-CO2)</source>
        <translation>2050年度 (t-CO2)</translation>
    </message>
    <message>
        <source>Target year (t-CO2)</source>
        <translation>目標年度 (t-CO2)</translation>
    </message>
    <message>
        <source>Plan vs target FY2030 (t-CO2)</source>
        <translation>2030年度 計画と目標の差 (t-CO2)</translation>
    </message>
    <message>
        <source>Bank SPT:</source>
        <translation>金融機関のSPT:</translation>
    </message>
    <message>
        <source>target year</source>
        <translation>目標年度</translation>
    </message>
    <message>
        <source>reduction vs base year</source>
        <translation>基準年度比の削減率</translation>
    </message>
    <message>
        <source>Save SPT</source>
        <translation>SPTを保存</translation>
    </message>
    <message>
        <source>Remove SPT</source>
        <translation>SPTを削除</translation>
    </message>
</context>
<context>
    <name>WizardCompanyPage</name>
    <message>
        <source>FY%1 = %2/%1 to %3/%4</source>
        <translation>%1年度 = %1年%2月〜%4年%3月</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>会社について</translation>
    </message>
    <message>
        <source>The name and place printed on your reports.</source>
        <translation>レポートに記載する会社名と所在地です。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Name in kana (optional)</source>
        <translation>会社名（カナ・任意）</translation>
    </message>
    <message>
        <source>Industry (JSIC)</source>
        <translation>業種（日本標準産業分類）</translation>
    </message>
    <message>
        <source>Employees (optional)</source>
        <translation>従業員数(任意)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <source>Site address (optional)</source>
        <translation>事業所の住所（任意）</translation>
    </message>
    <message>
        <source>Fiscal year starts in month</source>
        <translation>年度の始まりの月</translation>
    </message>
    <message>
        <source>First fiscal year to enter</source>
        <translation>最初に入力する年度</translation>
    </message>
    <message>
        <source>Choose or type your industry</source>
        <translation>業種を選ぶか入力してください</translation>
    </message>
</context>
</TS>
