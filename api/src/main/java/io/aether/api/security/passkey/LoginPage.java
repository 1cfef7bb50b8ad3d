package io.aether.api.security.passkey;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (password, passkey, sign-out). A static file: its script, /login/login.js, and
 * style come from the static resources, so the page runs under script-src 'self' with no inline code.
 */
@Controller
public class LoginPage {
    private static final Resource PAGE = new ClassPathResource("static/login/index.html");

    @GetMapping("/login")
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(PAGE);
    }
}
