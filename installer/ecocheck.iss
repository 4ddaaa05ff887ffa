; EcoCheck Desktop: the Windows installer (Inno Setup 6.3 or later).
;
; Per user, no administrator rights: installs to %LOCALAPPDATA%\Programs\EcoCheck Desktop, writes
; only HKEY_CURRENT_USER, adds a Start-menu entry, an optional desktop shortcut and the .ecocheck
; file association with its own document icon. Japanese and English wizard.
;
; Built by installer\build.ps1 -Installer after the PyInstaller bundle dist\EcoCheck\ exists:
;     iscc /DAppVersion=0.1.0 installer\ecocheck.iss   ->  dist\EcoCheck-Setup-0.1.0.exe
; Saved as UTF-8 with a BOM so that Inno Setup versions before 6.3 also read the Japanese text.
;
; The uninstaller removes what setup installed and the registry entries it wrote, nothing else:
; project files (.ecocheck) live wherever the user saved them, settings in the user's profile,
; and neither is touched. That is why there is no [UninstallDelete] section.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "EcoCheck Desktop"
#define AppExe "ecocheck-desktop.exe"
#define ProgId "EcoCheck.Project"
#define Bundle "..\dist\EcoCheck"

#if !FileExists(AddBackslash(SourcePath + Bundle) + AppExe)
  #error The bundle dist\EcoCheck is missing: run installer\build.ps1 first
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find an existing installation by it.
AppId={{6F0C2A9E-3B71-4E1D-9A5C-8D2F7B4E1C63}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=EcoCheck
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and later.
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
OutputDir=..\dist
OutputBaseFilename=EcoCheck-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\ecocheck.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.ProjectFileType=EcoCheck プロジェクト ファイル
english.ProjectFileType=EcoCheck project file
japanese.AppComment=CO2 排出量の算定・削減計画・レポート作成
english.AppComment=CO2 footprint, reduction plan and lender report

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "fileassoc"; Description: "{cm:AssocFileExtension,{#AppName},.ecocheck}"

[InstallDelete]
; An upgrade replaces the whole bundle: files an older version left in _internal would otherwise
; be loaded next to the new version's libraries.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER in a per-user install. Only our own ProgID key is deleted whole at
; uninstall; on the shared .ecocheck key just our values go.
Root: HKA; Subkey: "Software\Classes\.ecocheck"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.ecocheck\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFileType}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\_internal\resources\icons\ecocheck-file.ico"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ecocheck"; ValueData: ""; Tasks: fileassoc

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
