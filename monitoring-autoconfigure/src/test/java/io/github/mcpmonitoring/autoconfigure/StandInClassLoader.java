package io.github.mcpmonitoring.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;
import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * A {@link FilteredClassLoader} that also has classes the test class path lacks: each stand-in is an empty
 * interface of that name, enough for a presence check.
 */
class StandInClassLoader extends FilteredClassLoader {

	private final Set<String> standIns;

	private final Map<String, Class<?>> defined = new ConcurrentHashMap<>();

	/**
	 * Create a class loader.
	 * @param standIns the names of the classes to define
	 * @param hiddenPackages the packages to hide
	 */
	StandInClassLoader(Set<String> standIns, String... hiddenPackages) {
		super(hiddenPackages);
		this.standIns = standIns;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (this.standIns.contains(name)) {
			return this.defined.computeIfAbsent(name, this::defineStandIn);
		}
		return super.loadClass(name, resolve);
	}

	private Class<?> defineStandIn(String name) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
				name.replace('.', '/'), null, "java/lang/Object", null);
		writer.visitEnd();
		byte[] bytes = writer.toByteArray();
		return defineClass(name, bytes, 0, bytes.length);
	}

}
