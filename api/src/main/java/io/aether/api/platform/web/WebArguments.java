package io.aether.api.platform.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Typed controller arguments read from headers: a controller method declares {@link IfMatch}
 * instead of a raw {@code @RequestHeader String}. The OpenAPI description shows it as the header.
 */
@Configuration(proxyBeanMethods = false)
public class WebArguments implements WebMvcConfigurer {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }

    /** Operations taking an {@link IfMatch} document the optional {@code If-Match} header. */
    @Bean
    OperationCustomizer ifMatchHeader() {
        return (operation, handlerMethod) -> {
            boolean takesIfMatch = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == IfMatch.class);
            if (takesIfMatch) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IfMatch.HEADER)
                        .required(false)
                        .description("The version last seen, e.g. \"3\" (the ETag): the change fails with 409 "
                                + "if the resource moved past it")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    static final class IfMatchResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == IfMatch.class;
        }

        @Override
        public IfMatch resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            return IfMatch.parse(request.getHeader(IfMatch.HEADER));
        }
    }
}
