; The Windows installer of Recours, compiled on Linux by Debian's makensis (scripts/package-windows.sh).
; Per-user: no administrator prompt, files under %LOCALAPPDATA%\Programs\Recours, shortcut and
; uninstall entry for the current user only. The person's data (%APPDATA%\org.recours.desktop) is never
; touched: neither by installing over an older version nor by uninstalling.
;
; Defined by the build script: VERSION (0.1.0), VERSION4 (0.1.0.0), SRCDIR (folder holding recours.exe,
; recours-cli.exe, WebView2Loader.dll), ICON, SIDEBMP (made by make_bitmaps.py), OUTFILE.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
; recours.exe and recours-cli.exe share most of their code (Typst, SQLite, the core): a dictionary that
; spans both (70 MB together) finds the second in the first. 22.8 MiB with the default 8 MB, about 14
; MiB with 64 MB; installing then needs 64 MB of memory for a moment.
SetCompressorDictSize 64
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define APPNAME "Recours"
!define PUBLISHER "Recours"
!define IDENTIFIER "org.recours.desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Installation de Recours"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Recours, AGPL-3.0-or-later"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEFINISHPAGE_BITMAP "${SIDEBMP}"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${SIDEBMP}"
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!define MUI_FINISHPAGE_TEXT_LARGE
!define MUI_FINISHPAGE_RUN "$INSTDIR\recours.exe"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepData)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; French first: it is the language of a system set in no language the installer knows.
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString NeedsX64 ${LANG_FRENCH} "Recours fonctionne sur Windows 10 ou 11 en 64 bits. Cet ordinateur est en 32 bits : l'installation ne peut pas continuer."
LangString NeedsX64 ${LANG_ENGLISH} "Recours runs on 64-bit Windows 10 or 11. This computer runs a 32-bit Windows: the installation cannot continue."
LangString NoWebView2 ${LANG_FRENCH} "Recours a besoin d'un composant de Windows qui manque sur cet ordinateur : « Microsoft Edge WebView2 Runtime » (gratuit, publié par Microsoft ; Windows 11 et les Windows 10 à jour l'ont déjà).$\r$\n$\r$\nPour l'installer : ouvrez la page « WebView2 » du site de Microsoft (developer.microsoft.com/microsoft-edge/webview2), téléchargez le « programme d'amorçage Evergreen » (Evergreen Bootstrapper) et lancez-le. Ou faites simplement les mises à jour de Windows.$\r$\n$\r$\nCe programme d'installation ne télécharge rien lui-même. Installer Recours maintenant quand même ? (Il ne s'ouvrira qu'une fois ce composant installé.)"
LangString NoWebView2 ${LANG_ENGLISH} "Recours needs a Windows component this computer lacks: “Microsoft Edge WebView2 Runtime” (free, from Microsoft; Windows 11 and up-to-date Windows 10 already have it).$\r$\n$\r$\nTo install it: open Microsoft's “WebView2” page (developer.microsoft.com/microsoft-edge/webview2), download the “Evergreen Bootstrapper” and run it. Or simply run Windows Update.$\r$\n$\r$\nThis installer downloads nothing by itself. Install Recours now anyway? (It will open once that component is installed.)"
LangString KeepData ${LANG_FRENCH} "Recours va être retiré de cet ordinateur. Vos dossiers, vos pièces et vos sauvegardes sont conservés : ils restent dans le dossier %APPDATA%\${IDENTIFIER}. Pour les effacer aussi, supprimez ce dossier vous-même après avoir fait une sauvegarde si vous en avez encore besoin."
LangString KeepData ${LANG_ENGLISH} "Recours will be removed from this computer. Your dossiers, files and backups are kept: they stay in the folder %APPDATA%\${IDENTIFIER}. To erase them as well, delete that folder yourself, after making a backup if you still need them."
LangString KeptDetail ${LANG_FRENCH} "Vos données sont conservées dans $APPDATA\${IDENTIFIER}"
LangString KeptDetail ${LANG_ENGLISH} "Your data is kept in $APPDATA\${IDENTIFIER}"
LangString WelcomeText ${LANG_FRENCH} "Recours vous aide à faire valoir vos droits après un achat en ligne : colis jamais reçu, produit abîmé, remboursement qui n'arrive pas.$\r$\n$\r$\nIl s'installe pour vous seul, sans droits d'administrateur, et ne modifie aucun fichier de Windows. Il fonctionne sans connexion : vos dossiers restent sur cet ordinateur.$\r$\n$\r$\nCliquez sur Suivant pour continuer."
LangString WelcomeText ${LANG_ENGLISH} "Recours helps you stand up for your rights after an online purchase: a parcel that never came, a broken product, a refund that does not arrive.$\r$\n$\r$\nIt installs for you alone, without administrator rights, and changes no Windows file. It works offline: your dossiers stay on this computer.$\r$\n$\r$\nClick Next to continue."
LangString FinishText ${LANG_FRENCH} "Recours est installé : vous le trouverez dans le menu Démarrer.$\r$\n$\r$\nVos dossiers resteront sur cet ordinateur. Pensez à en faire une sauvegarde de temps en temps (Réglages › Sauvegarder et restaurer)."
LangString FinishText ${LANG_ENGLISH} "Recours is installed: you will find it in the Start menu.$\r$\n$\r$\nYour dossiers will stay on this computer. Make a backup of them now and then (Réglages › Sauvegarder et restaurer)."
LangString CliDescription ${LANG_FRENCH} "Recours en ligne de commande"
LangString CliDescription ${LANG_ENGLISH} "Recours on the command line"

; WebView2 is installed when one of the three documented « pv » values holds a version other than 0.0.0.0.
Function HasWebView2
  Push $0
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  Exch $0
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsX64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  Call HasWebView2
  Pop $0
  ${If} $0 == ""
    ; Silent installs (deployment, the Wine test) go on: the app itself says the same at start.
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(NoWebView2)" /SD IDYES IDYES +2
    Abort
  ${EndIf}
FunctionEnd

Section "Recours" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Exactly these files; the uninstaller removes exactly these.
  File "${SRCDIR}\recours.exe"
  File "${SRCDIR}\recours-cli.exe"
  File "${SRCDIR}\WebView2Loader.dll"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\recours.exe" "" "$INSTDIR\recours.exe" 0 \
    SW_SHOWNORMAL "" "Faire valoir ses droits après un achat en ligne"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$\"$INSTDIR\recours.exe$\",0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Comments" "$(CliDescription) : recours-cli.exe"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$INSTDIR\recours.exe"
  Delete "$INSTDIR\recours-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  ; Not /r: a file someone put there is left, and so is the folder holding it.
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(KeptDetail)"
SectionEnd
