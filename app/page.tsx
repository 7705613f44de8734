export default function Page() {
  return <main>ssm-fleet-dashboard</main>;
}
