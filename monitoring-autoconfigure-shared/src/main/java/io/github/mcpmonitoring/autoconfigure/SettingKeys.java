package io.github.mcpmonitoring.autoconfigure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.mcpmonitoring.core.InvalidSettingException;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The configuration property keys of the settings a core object is built from, so that a setting it rejects fails
 * startup with an {@link InvalidConfigurationPropertyValueException} naming the key, which Boot's failure analysis
 * reports.
 */
final class SettingKeys {

	private final String prefix;

	private final Map<String, String> keys;

	private SettingKeys(String prefix, Map<String, String> keys) {
		this.prefix = prefix;
		this.keys = keys;
	}

	/**
	 * Return the keys of settings named like the properties under a prefix: {@code minCalls} is
	 * {@code <prefix>.min-calls}.
	 * @param prefix the prefix
	 * @return the keys
	 */
	static SettingKeys under(String prefix) {
		return new SettingKeys(prefix, Map.of());
	}

	/**
	 * Return the keys of a core object built from one property.
	 * @param key the key of the property
	 * @return the keys
	 */
	static SettingKeys of(String key) {
		return new SettingKeys(key, null);
	}

	/**
	 * Return these keys with one setting's key given.
	 * @param setting the name of the setting
	 * @param key its property key
	 * @return the keys
	 */
	SettingKeys with(String setting, String key) {
		Map<String, String> keys = new HashMap<>(this.keys);
		keys.put(setting, key);
		return new SettingKeys(this.prefix, keys);
	}

	/**
	 * Build a core object, reporting a setting it rejects under its key.
	 * @param <T> the type of the object
	 * @param factory builds the object
	 * @return the object
	 */
	<T> T build(Supplier<T> factory) {
		try {
			return factory.get();
		}
		catch (InvalidSettingException ex) {
			throw new InvalidConfigurationPropertyValueException(keyOf(ex.setting()), ex.value(), ex.getMessage());
		}
	}

	private String keyOf(String setting) {
		if (this.keys == null) {
			return this.prefix;
		}
		String key = this.keys.get(setting);
		return (key != null) ? key : this.prefix + "." + kebabCase(setting);
	}

	private static String kebabCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
