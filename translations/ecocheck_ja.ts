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
        <source>No energy use entered yet</source>
        <translation>エネルギー使用量はまだ入力されていません</translation>
    </message>
    <message>
        <source>Once your company is set up, enter the monthly usage printed on your bills here: electricity in kWh, gas in m³, fuels in litres. You can also paste a 12-month table from Excel.</source>
        <translation>会社情報を登録したら、請求書に記載されている毎月の使用量をここに入力してください（電気は kWh、ガスは m³、燃料は L）。Excel から12か月分の表を貼り付けることもできます。</translation>
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
        <source>No project open</source>
        <translation>プロジェクト未選択</translation>
    </message>
    <message>
        <source>This is not available yet in this version.</source>
        <translation>この機能は、このバージョンではまだご利用いただけません。</translation>
    </message>
    <message>
        <source>Opening project files is not available yet: %1</source>
        <translation>プロジェクトファイルを開く機能はまだご利用いただけません：%1</translation>
    </message>
    <message>
        <source>The demo company is not available yet.</source>
        <translation>デモ会社はまだご利用いただけません。</translation>
    </message>
    <message>
        <source>There is nothing to save: every change is saved automatically.</source>
        <translation>保存の操作は不要です。変更はすべて自動で保存されます。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The translation files are missing; the app stays in English.</source>
        <translation>翻訳ファイルが見つからないため、英語のまま表示します。</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>ヘルプ：%1</translation>
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
        <source>No measures planned yet</source>
        <translation>削減対策はまだ計画されていません</translation>
    </message>
    <message>
        <source>When your results are ready, tick the equipment you have (lighting, compressors, boilers, air conditioners, vehicles and so on). The reduction measures are then ranked by cost and CO2 saved, and you choose the ones to plan.</source>
        <translation>結果が出たら、お使いの設備（照明、コンプレッサー、ボイラー、空調、車両など）にチェックを入れてください。削減対策を費用と CO2 削減量の順に並べますので、計画に入れるものをお選びください。</translation>
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
        <source>No report to export yet</source>
        <translation>出力できるレポートはまだありません</translation>
    </message>
    <message>
        <source>Once energy use has been entered, you can export from this page a PDF report for your bank or city office and a CSV file of the figures.</source>
        <translation>エネルギー使用量を入力すると、このページから金融機関や市役所に提出する PDF レポートと、数値の CSV ファイルを出力できます。</translation>
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
        <source>No targets set yet</source>
        <translation>目標はまだ設定されていません</translation>
    </message>
    <message>
        <source>Choose a base year and a target year, then the reduction you aim for (for example −46% against FY2013, like the national target). The path from today to the target is shown here.</source>
        <translation>基準年度と目標年度を選び、目指す削減率を入力してください（例：国の目標と同じ「2013年度比 −46%」）。現在から目標までの道筋をここに表示します。</translation>
    </message>
</context>
</TS>
