package io.aether.api.security;

import io.aether.api.platform.messaging.CurrentActor;
import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request's principal as an {@link Actor}, from the {@link AetherAuthentication} in the security
 * context: an owner session is the user, an API key is the key (id and name). A controller method
 * declares an {@code Actor} argument to get it; the command metadata interceptor asks
 * {@link #current()}. Never read from the request body. A request nobody authenticated (a public
 * route) resolves to {@link Actor#anonymous()}.
 */
@Component
public class RequestActors implements CurrentActor, HandlerMethodArgumentResolver, WebMvcConfigurer {
    static {
        // resolved from the security context, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AetherAuthentication aether ? Optional.of(aether.actor()) : Optional.empty();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return current().orElseGet(Actor::anonymous);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
