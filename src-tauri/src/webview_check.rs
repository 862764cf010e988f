//! On Windows the window is drawn by Microsoft's WebView2 runtime. Windows 11 and an up-to-date
//! Windows 10 have it; an old Windows 10 may not. Without it Tauri would show an English dialog and
//! stop: Recours says in French what to install instead, before anything else starts. Nothing is
//! downloaded by itself.

/// The message, also printed on standard error (seen when started from a terminal).
#[cfg_attr(not(windows), allow(dead_code))]
const MISSING: &str = "Recours ne peut pas s'ouvrir : il lui faut un composant de Windows qui manque sur \
cet ordinateur, « Microsoft Edge WebView2 Runtime » (gratuit, publié par Microsoft ; Windows 11 et les \
Windows 10 à jour l'ont déjà).\n\nPour l'installer : faites les mises à jour de Windows, ou ouvrez la page \
« WebView2 » du site de Microsoft (developer.microsoft.com/microsoft-edge/webview2), téléchargez le \
« programme d'amorçage Evergreen » (Evergreen Bootstrapper) et lancez-le. Puis ouvrez Recours à \
nouveau.\n\nVos dossiers ne sont pas touchés.";

#[cfg_attr(not(windows), allow(dead_code))]
const TITLE: &str = "Recours : un composant de Windows manque";

/// False when the window cannot be shown; the person has been told why.
#[cfg(windows)]
pub fn runtime_present() -> bool {
    if tauri::webview_version().is_ok() {
        return true;
    }
    eprintln!("{TITLE}\n\n{MISSING}");
    message_box(TITLE, MISSING);
    false
}

#[cfg(not(windows))]
pub fn runtime_present() -> bool {
    true
}

#[cfg(windows)]
fn message_box(title: &str, text: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
    let wide = |s: &str| {
        s.encode_utf16()
            .chain(std::iter::once(0))
            .collect::<Vec<u16>>()
    };
    let (title, text) = (wide(title), wide(text));
    // SAFETY: both are NUL-terminated UTF-16 strings that outlive the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}
